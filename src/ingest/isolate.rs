//! Reading the risky formats (PDF, Word, HTML) in a separate process.
//!
//! Their parsers are large, partly not ours, and can be made to loop, recurse
//! without end or allocate without bound by a small hostile file. Checks inside
//! the readers catch the known ways (see `formats::pdf`), but only a process
//! of its own gives a limit that holds for every way: a *reader process* is
//! granska itself, started with [`WORKER_ARGUMENT`], that reads one file at a
//! time and answers with the text. It runs with an address-space limit
//! (`--minnesgräns`), and the run waits for each answer at most
//! `--tidsgräns` seconds. A reader that runs out of time is killed; one that
//! dies (stack overflow, memory, abort) costs that file, never the run: the
//! file is listed with a Swedish reason and the next file gets a new reader.
//!
//! Readers are kept and reused, at most one per thread of the run, so the
//! cost of starting a process is paid once per thread, not once per file.
//!
//! The protocol, on the reader's stdin and a private copy of its stdout (its
//! own stdout and stderr go elsewhere, so nothing a library prints can break
//! it): a request is the format (1 byte), the size limit (u64), the path's
//! length (u32) and the path's bytes; an answer is a length (u32) and that
//! many bytes of JSON, a list of documents or reasons.

use std::fs::File;
use std::io::{self, Read as _, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::Metadata;
use super::formats::{self, Extracted, Format, Read};

/// The hidden first argument that makes granska a reader process.
pub const WORKER_ARGUMENT: &str = "__läsare";

/// How long a file may take to read, by default.
pub const DEFAULT_TIME: Duration = Duration::from_secs(30);

/// How much memory (address space) a reader process may use, by default.
pub const DEFAULT_MEMORY: u64 = 512 * 1024 * 1024;

/// The limits of reading one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are not read; compressed files (Word, PDF) may
    /// not expand to more; a record of a `.jsonl` or `.csv` file may not be
    /// longer.
    pub max_bytes: u64,
    /// The longest a reader process may take for one file.
    pub time: Duration,
    /// The most memory a reader process may use.
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: super::DEFAULT_MAX_BYTES,
            time: DEFAULT_TIME,
            memory: DEFAULT_MEMORY,
        }
    }
}

/// Reader processes for the risky formats, started from `exe` (granska
/// itself) when needed and reused.
#[derive(Debug)]
pub struct Isolation {
    exe: PathBuf,
    idle: Mutex<Vec<Worker>>,
}

impl Isolation {
    /// Reader processes started as `exe __läsare`.
    pub fn new(exe: PathBuf) -> Isolation {
        Isolation {
            exe,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Reads `path` as `format` in a reader process, within `limits`.
    pub fn extract(&self, path: &Path, format: Format, limits: &Limits) -> Vec<Read> {
        let request = request(path, format, limits.max_bytes);
        // A reader kept from before may have died since; then one new try.
        for attempt in 0..2 {
            let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let fresh = reused.is_none();
            let mut worker = match reused {
                Some(worker) => worker,
                None => match Worker::start(&self.exe, limits.memory) {
                    Ok(worker) => worker,
                    Err(e) => {
                        return vec![Err(format!(
                            "kunde inte starta en läsprocess för filen ({e})"
                        ))];
                    }
                },
            };
            if worker.send(&request).is_err() && !fresh && attempt == 0 {
                worker.end();
                continue;
            }
            let deadline = Instant::now() + limits.time;
            return match worker.receive(deadline) {
                Ok(answer) => {
                    if let Ok(mut idle) = self.idle.lock() {
                        idle.push(worker);
                    }
                    answer
                }
                Err(Failure::Late) => {
                    worker.end();
                    vec![Err(format!(
                        "tog längre tid än {} s att läsa och avbröts (ändra med --tidsgräns); \
                         filen kan vara skadad eller konstruerad för att låsa läsningen",
                        limits.time.as_secs()
                    ))]
                }
                Err(Failure::Garbled) => {
                    worker.end();
                    vec![Err("läsprocessen gav ett obegripligt svar".to_string())]
                }
                Err(Failure::Died) => vec![Err(worker.death(limits.memory))],
            };
        }
        vec![Err("läsprocessen avslutades innan den svarade".to_string())]
    }
}

impl Drop for Isolation {
    fn drop(&mut self) {
        if let Ok(idle) = self.idle.get_mut() {
            for worker in idle.drain(..) {
                worker.end();
            }
        }
    }
}

fn request(path: &Path, format: Format, max_bytes: u64) -> Vec<u8> {
    let path = path_bytes(path);
    let mut out = Vec::with_capacity(13 + path.len());
    out.push(format.code());
    out.extend_from_slice(&max_bytes.to_le_bytes());
    out.extend_from_slice(&(path.len() as u32).to_le_bytes());
    out.extend_from_slice(&path);
    out
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// Why no answer came.
enum Failure {
    /// The time ran out.
    Late,
    /// The process ended (crashed, was killed by a limit).
    Died,
    /// The answer could not be understood.
    Garbled,
}

/// A running reader process.
#[derive(Debug)]
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    /// Where the reader's stderr goes: read when it dies, for the reason.
    stderr: File,
}

impl Worker {
    fn start(exe: &Path, memory: u64) -> io::Result<Worker> {
        let stderr = tempfile::tempfile()?;
        let mut child = Command::new(exe)
            .arg(WORKER_ARGUMENT)
            .arg(memory.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr.try_clone()?)
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("inga rör till läsprocessen"));
        };
        Ok(Worker {
            child,
            stdin,
            stdout,
            stderr,
        })
    }

    fn send(&mut self, request: &[u8]) -> io::Result<()> {
        self.stdin.write_all(request)?;
        self.stdin.flush()
    }

    fn receive(&mut self, deadline: Instant) -> Result<Vec<Read>, Failure> {
        let mut length = [0u8; 4];
        read_until(&mut self.stdout, &mut length, deadline)?;
        let mut body = vec![0u8; u32::from_le_bytes(length) as usize];
        read_until(&mut self.stdout, &mut body, deadline)?;
        let answer: Vec<Result<WireDocument, String>> =
            serde_json::from_slice(&body).map_err(|_| Failure::Garbled)?;
        Ok(answer
            .into_iter()
            .map(|r| r.map(WireDocument::into_extracted))
            .collect())
    }

    /// Kills the process and waits for it.
    fn end(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Why the process died, in Swedish, from its exit status and what it
    /// wrote to stderr.
    fn death(mut self, memory: u64) -> String {
        let status = self.child.wait().ok();
        let mut said = String::new();
        if self.stderr.rewind().is_ok() {
            let _ = (&mut self.stderr).take(64 * 1024).read_to_string(&mut said);
        }
        death_reason(&said, status, memory)
    }
}

fn death_reason(said: &str, status: Option<std::process::ExitStatus>, memory: u64) -> String {
    let mb = memory / (1024 * 1024);
    if said.contains("memory allocation") || said.contains("capacity overflow") {
        return format!(
            "behövde mer än {mb} MB minne för att läsas och avbröts (ändra med --minnesgräns); \
             filen kan vara skadad eller konstruerad för att överbelasta"
        );
    }
    if said.contains("overflowed its stack") {
        return "är nästlad för djupt (läsaren fick slut på stackutrymme) och kunde inte läsas; \
                filen kan vara skadad eller konstruerad för att krascha läsaren"
            .to_string();
    }
    let how = status.map_or_else(|| "okänt sätt".to_string(), describe_status);
    format!("läsprocessen avbröts oväntat ({how}); filen är troligen skadad")
}

#[cfg(unix)]
fn describe_status(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("slutkod {code}"),
        (None, Some(libc::SIGKILL)) => "dödad, troligen av minnesbrist".to_string(),
        (None, Some(signal)) => format!("signal {signal}"),
        (None, None) => "okänt sätt".to_string(),
    }
}

#[cfg(not(unix))]
fn describe_status(status: std::process::ExitStatus) -> String {
    format!("slutkod {:?}", status.code())
}

/// Fills `buf` from `from`, waiting at most until `deadline`.
#[cfg(unix)]
fn read_until(from: &mut ChildStdout, buf: &mut [u8], deadline: Instant) -> Result<(), Failure> {
    use std::os::fd::AsRawFd;
    let mut filled = 0;
    while filled < buf.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::Late);
        }
        let mut poll = libc::pollfd {
            fd: from.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = left.as_millis().clamp(1, i32::MAX as u128) as libc::c_int;
        // SAFETY: one valid pollfd for a file descriptor this process owns.
        let ready = unsafe { libc::poll(&mut poll, 1, millis) };
        if ready < 0 {
            if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(Failure::Died);
        }
        if ready == 0 {
            continue;
        }
        match from.read(&mut buf[filled..]) {
            Ok(0) => return Err(Failure::Died),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(Failure::Died),
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn read_until(from: &mut ChildStdout, buf: &mut [u8], _deadline: Instant) -> Result<(), Failure> {
    from.read_exact(buf).map_err(|_| Failure::Died)
}

/// A document as sent between the processes.
#[derive(Serialize, Deserialize)]
struct WireDocument {
    text: String,
    encoding: String,
    metadata: Vec<(String, String)>,
    pages: Vec<usize>,
}

impl WireDocument {
    fn from_extracted(e: Extracted) -> WireDocument {
        WireDocument {
            encoding: e.encoding.to_string(),
            metadata: e
                .metadata
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            text: e.text,
            pages: e.pages,
        }
    }

    fn into_extracted(self) -> Extracted {
        let mut metadata = Metadata::default();
        for (k, v) in &self.metadata {
            metadata.insert(k, v);
        }
        Extracted {
            text: self.text,
            encoding: formats::encoding_name(&self.encoding),
            metadata,
            record: None,
            pages: self.pages,
        }
    }
}

/// The reader process: answers requests on stdin until it closes. Sets its
/// own memory limit first, and moves stdout aside so that nothing a library
/// prints can reach the answers.
pub fn serve(memory: u64) -> io::Result<()> {
    let mut answers = private_stdout()?;
    limit_resources(memory);
    let mut input = io::stdin().lock();
    loop {
        let mut head = [0u8; 13];
        match input.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        }
        let format = Format::from_code(head[0]);
        let max_bytes = u64::from_le_bytes(head[1..9].try_into().unwrap_or_default());
        let length = u32::from_le_bytes(head[9..13].try_into().unwrap_or_default());
        let mut path = vec![0u8; length as usize];
        input.read_exact(&mut path)?;
        let path = path_from(path);
        let reads = match format {
            Some(format) => super::files::read_whole(&path, format, max_bytes),
            None => vec![Err("okänt filformat".to_string())],
        };
        let wire: Vec<Result<WireDocument, String>> = reads
            .into_iter()
            .map(|r| r.map(WireDocument::from_extracted))
            .collect();
        let body = serde_json::to_vec(&wire).map_err(io::Error::other)?;
        let length =
            u32::try_from(body.len()).map_err(|_| io::Error::other("svaret är större än 4 GB"))?;
        answers.write_all(&length.to_le_bytes())?;
        answers.write_all(&body)?;
        answers.flush()?;
    }
}

/// A copy of stdout for the answers; stdout itself then goes to stderr.
#[cfg(unix)]
fn private_stdout() -> io::Result<File> {
    use std::os::fd::FromRawFd;
    // SAFETY: dup and dup2 on the process's own standard descriptors; the
    // new descriptor is owned by the returned File alone.
    unsafe {
        let copy = libc::dup(1);
        if copy < 0 || libc::dup2(2, 1) < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(File::from_raw_fd(copy))
    }
}

#[cfg(not(unix))]
fn private_stdout() -> io::Result<File> {
    Err(io::Error::other("läsprocesser finns bara på unix"))
}

/// No core files, and at most `memory` bytes of address space.
#[cfg(unix)]
fn limit_resources(memory: u64) {
    let set = |resource, value: u64| {
        let limit = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit with a valid rlimit for this process.
        unsafe { libc::setrlimit(resource, &limit) };
    };
    set(libc::RLIMIT_CORE, 0);
    if memory > 0 {
        set(libc::RLIMIT_AS, memory);
    }
}

#[cfg(not(unix))]
fn limit_resources(_memory: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_carry_format_limit_and_path() {
        let r = request(Path::new("a/b ö.pdf"), Format::Pdf, 7);
        assert_eq!(Format::from_code(r[0]), Some(Format::Pdf));
        assert_eq!(u64::from_le_bytes(r[1..9].try_into().unwrap()), 7);
        let n = u32::from_le_bytes(r[9..13].try_into().unwrap()) as usize;
        assert_eq!(
            path_from(r[13..13 + n].to_vec()),
            PathBuf::from("a/b ö.pdf")
        );
    }

    #[test]
    fn documents_survive_the_wire() {
        let mut metadata = Metadata::default();
        metadata.insert("beslutsdatum", "2025-04-14");
        let sent = Extracted {
            text: "Beslut\n\nDu får stöd.\n".to_string(),
            encoding: "pdf",
            metadata,
            record: None,
            pages: vec![0, 8],
        };
        let json = serde_json::to_vec(&WireDocument::from_extracted(sent.clone())).unwrap();
        let back: WireDocument = serde_json::from_slice(&json).unwrap();
        assert_eq!(back.into_extracted(), sent);
    }

    #[test]
    fn reasons_for_a_dead_reader() {
        let memory = 256 * 1024 * 1024;
        assert!(
            death_reason("memory allocation of 1073741824 bytes failed", None, memory)
                .contains("mer än 256 MB minne")
        );
        assert!(
            death_reason("thread 'main' has overflowed its stack", None, memory)
                .contains("nästlad för djupt")
        );
        assert!(death_reason("", None, memory).contains("avbröts oväntat"));
    }
}
