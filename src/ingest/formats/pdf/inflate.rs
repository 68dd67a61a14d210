//! Streams inflated within a budget, and content rewritten when a quote operator would trip the text extractor.

use super::*;

/// What a stream holds once decoded as lopdf decodes it for `pdf-extract`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Scan {
    /// The decoded size in bytes (at most; exact unless a predictor follows).
    len: u64,
    /// Whether a `'` or `"` byte occurs: without one there is no quote
    /// operator to rewrite.
    quotes: bool,
}

/// The bytes a decoding stage makes: counted, looked through for quotes, and
/// kept only when another stage reads them.
#[derive(Default)]
pub(super) struct Probe {
    scan: Scan,
    kept: Option<Vec<u8>>,
}

impl Probe {
    pub(super) fn of(bytes: &[u8]) -> Scan {
        let mut probe = Probe::default();
        probe.see(bytes);
        probe.scan
    }

    pub(super) fn see(&mut self, bytes: &[u8]) {
        self.scan.len += bytes.len() as u64;
        self.scan.quotes |= memchr::memchr2(b'\'', b'"', bytes).is_some();
        if let Some(kept) = &mut self.kept {
            kept.extend_from_slice(bytes);
        }
    }
}

impl Write for Probe {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.see(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Inflates `input` into `probe`, at most `cap` bytes, the way lopdf does:
/// what inflates before an error counts (lopdf keeps it), and a zlib stream
/// that yields nothing is tried again as raw deflate after its header.
pub(super) fn inflate(input: &[u8], cap: u64, probe: &mut Probe) {
    let zlib = std::io::copy(&mut flate2::read::ZlibDecoder::new(input).take(cap), probe);
    if zlib.is_err() && probe.scan.len == 0 && input.len() > 2 {
        let _ = std::io::copy(
            &mut flate2::read::DeflateDecoder::new(&input[2..]).take(cap),
            probe,
        );
    }
}

/// Decodes `stream` through `filters` as lopdf does, at most `left + 1`
/// bytes made in all, counting every stage's output and keeping only what the
/// next stage reads. Returns the bytes made and what the stream holds: the
/// raw bytes when lopdf would give up on a filter and use those, and nothing
/// when a stage cannot be measured here (LZW).
pub(super) fn decode_counted(stream: &Stream, filters: &[&[u8]], left: u64) -> (u64, Option<Scan>) {
    let raw = || Some(Probe::of(&stream.content));
    let mut made: u64 = 0;
    let mut input: Vec<u8> = Vec::new();
    let mut probe = Probe::default();
    for (i, &filter) in filters.iter().enumerate() {
        let from = if i == 0 {
            &stream.content[..]
        } else {
            &input[..]
        };
        probe = Probe {
            scan: Scan::default(),
            kept: (i + 1 < filters.len()).then(Vec::new),
        };
        match filter {
            b"FlateDecode" => inflate(from, left.saturating_sub(made) + 1, &mut probe),
            // At most four bytes for each byte read: bounded by its input.
            b"ASCII85Decode" => {
                let mut dict = Dictionary::new();
                dict.set("Filter", Object::Name(filter.to_vec()));
                match Stream::new(dict, from.to_vec()).decompressed_content() {
                    Ok(bytes) => probe.see(&bytes),
                    Err(_) => return (made, raw()),
                }
            }
            b"LZWDecode" => return (made, None),
            _ => return (made, raw()),
        }
        made += probe.scan.len;
        if made > left {
            return (made, None);
        }
        input = probe.kept.take().unwrap_or_default();
    }
    // A PNG predictor (applied by lopdf after inflating) changes the bytes,
    // never adds to them; what it makes is only known by decoding.
    let predictor = stream
        .dict
        .get(b"DecodeParms")
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"Predictor"))
        .and_then(Object::as_i64)
        .is_ok_and(|p| (10..=15).contains(&p));
    let mut scan = probe.scan;
    if predictor {
        scan.quotes = true;
        scan.len = scan.len.max(stream.content.len() as u64);
    }
    (made, Some(scan))
}

/// The compressed streams (images are empty by now) inflate to at most
/// `limit` bytes together. Counted as they inflate, held only between two
/// filters. Returns what each stream holds, where that is known.
pub(super) fn check_inflated_size(
    doc: &Document,
    limit: u64,
) -> Result<HashMap<ObjectId, Scan>, String> {
    let mut total: u64 = 0;
    let mut scans = HashMap::new();
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else {
            continue;
        };
        let (made, scan) = match stream.filters() {
            Ok(filters) => decode_counted(stream, &filters, limit.saturating_sub(total)),
            Err(_) => (0, Some(Probe::of(&stream.content))),
        };
        total = total.saturating_add(made);
        if total > limit {
            return Err(format!(
                "PDF-filen packas upp till mer än gränsen {} MB (ändra med --max-storlek); \
                 den är troligen skadad eller konstruerad för att fylla minnet",
                limit / 1_000_000
            ));
        }
        if let Some(scan) = scan {
            scans.insert(id, scan);
        }
    }
    Ok(scans)
}

/// What a page's content holds, its streams joined as `pdf-extract` joins
/// them (each decoded, then a newline); None when one of them is not known.
pub(super) fn page_scan(
    doc: &Document,
    page: ObjectId,
    scans: &HashMap<ObjectId, Scan>,
) -> Option<Scan> {
    let mut page_scan = Scan::default();
    for id in doc.get_page_contents(page) {
        // Neither lopdf nor pdf-extract reads what is not a stream.
        if doc.get_object(id).and_then(Object::as_stream).is_err() {
            continue;
        }
        let scan = scans.get(&id)?;
        page_scan.len = page_scan.len.saturating_add(scan.len + 1);
        page_scan.quotes |= scan.quotes;
    }
    Some(page_scan)
}

/// `content` with every `'` and `"` written as the operators it stands for,
/// or None when it has none, or cannot be read (`pdf-extract` then meets the
/// same content and decides). Malformed ones are left for `pdf-extract` to
/// skip, as are inline images: they hold no text, and lopdf writes them back
/// in a form it cannot read.
pub(super) fn without_quote_operators(content: &[u8]) -> Option<Vec<u8>> {
    let operations = Content::decode(content).ok()?.operations;
    if !operations
        .iter()
        .any(|op| op.operator == "'" || op.operator == "\"")
    {
        return None;
    }
    let number = |o: &Object| matches!(o, Object::Integer(_) | Object::Real(_));
    let mut rewritten = Vec::with_capacity(operations.len());
    for op in operations {
        let (spacing, text) = match (op.operator.as_str(), op.operands.as_slice()) {
            ("'", [text @ Object::String(..)]) => (None, text.clone()),
            ("\"", [aw, ac, text @ Object::String(..)]) if number(aw) && number(ac) => {
                (Some((aw.clone(), ac.clone())), text.clone())
            }
            ("BI", _) => continue,
            _ => {
                rewritten.push(op);
                continue;
            }
        };
        if let Some((aw, ac)) = spacing {
            rewritten.push(Operation::new("Tw", vec![aw]));
            rewritten.push(Operation::new("Tc", vec![ac]));
        }
        rewritten.push(Operation::new("T*", vec![]));
        rewritten.push(Operation::new("Tj", vec![text]));
    }
    Content {
        operations: rewritten,
    }
    .encode()
    .ok()
}

/// Rewrites the text operators `pdf-extract` skips into those it reads:
/// `string '` becomes `T* string Tj`, and `aw ac string "` becomes
/// `aw Tw ac Tc T* string Tj`. Only pages and figures whose decoded bytes
/// hold a quote are decoded again, and only those whose operators include
/// one are rewritten. What this decodes stays within `limit`: a page's
/// streams together, and all the rewritten content kept; a page or figure
/// beyond it is left as it is.
pub(super) fn rewrite_quote_operators(
    doc: &mut Document,
    figures: &HashSet<ObjectId>,
    scans: &HashMap<ObjectId, Scan>,
    limit: u64,
) {
    let mut kept: u64 = 0;
    let mut rewrite = |content: &[u8]| {
        let rewritten = without_quote_operators(content)?;
        let after = kept.saturating_add(rewritten.len() as u64);
        (after <= limit).then(|| {
            kept = after;
            rewritten
        })
    };
    let mut figures: Vec<ObjectId> = figures.iter().copied().collect();
    figures.sort_unstable();
    for id in figures {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            continue;
        };
        if !scans.get(&id).is_some_and(|s| s.quotes) {
            continue;
        }
        if let Some(rewritten) = rewrite(&decoded(stream)) {
            if let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) {
                stream.set_plain_content(rewritten);
            }
        }
    }
    // The last object number in use, once a page needs a new one; lopdf's
    // own count comes from the trailer, which may lie.
    let mut last: Option<u32> = None;
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    for page in pages {
        let Some(scan) = page_scan(doc, page, scans) else {
            continue;
        };
        if !scan.quotes || scan.len > limit {
            continue;
        }
        let Some(rewritten) = doc.get_page_content(page).ok().and_then(|c| rewrite(&c)) else {
            continue;
        };
        let in_use = *last.get_or_insert_with(|| {
            let numbers = doc.objects.keys().map(|&(n, _)| n);
            numbers.max().unwrap_or(0).max(doc.max_id)
        });
        let Some(number) = in_use.checked_add(1) else {
            continue;
        };
        last = Some(number);
        doc.max_id = number;
        let id = (number, 0);
        doc.objects.insert(
            id,
            Object::Stream(Stream::new(Dictionary::new(), rewritten)),
        );
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set("Contents", id);
        }
    }
}
