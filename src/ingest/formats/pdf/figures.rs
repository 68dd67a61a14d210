//! Figures (form XObjects) drawn on a page: their resources, and a check that none draws itself.

use super::*;

/// A resource dictionary and the object that holds it: the dictionary's own
/// object, or the page or figure it is written in.
pub(super) type Scope<'a> = (ObjectId, &'a Dictionary);

/// The resources `dict` (of the object `owner`) names, if any.
pub(super) fn resources_in<'a>(
    doc: &'a Document,
    owner: ObjectId,
    dict: &'a Dictionary,
) -> Option<Scope<'a>> {
    let (id, resources) = doc.dereference(dict.get(b"Resources").ok()?).ok()?;
    Some((id.unwrap_or(owner), resources.as_dict().ok()?))
}

/// A page's resources, its own or inherited through `/Parent` (whose chain
/// [`check_page_tree`] has bounded).
pub(super) fn page_resources(doc: &Document, page: ObjectId) -> Option<Scope<'_>> {
    let mut node = page;
    for _ in 0..=MAX_TREE_DEPTH {
        let dict = doc.get_dictionary(node).ok()?;
        if let Some(scope) = resources_in(doc, node, dict) {
            return Some(scope);
        }
        node = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

/// A figure's own resources, if it has any.
pub(super) fn figure_resources(doc: &Document, figure: ObjectId) -> Option<Scope<'_>> {
    match doc.objects.get(&figure) {
        Some(Object::Stream(stream)) => resources_in(doc, figure, &stream.dict),
        _ => None,
    }
}

/// The XObjects a resource dictionary names.
pub(super) fn xobjects<'a>(doc: &'a Document, resources: &'a Dictionary) -> Option<&'a Dictionary> {
    let (_, xobjects) = doc.dereference(resources.get(b"XObject").ok()?).ok()?;
    xobjects.as_dict().ok()
}

/// The figure an XObject entry names: any stream but an image, since
/// `pdf-extract` draws whatever `Do` names as a figure.
pub(super) fn figure(doc: &Document, entry: &Object) -> Option<ObjectId> {
    match doc.dereference(entry) {
        Ok((Some(id), Object::Stream(stream))) if !is_image(stream) => Some(id),
        _ => None,
    }
}

/// A stream's bytes as `pdf-extract` reads them: decoded, or as they are
/// when lopdf cannot decode them.
pub(super) fn decoded(stream: &Stream) -> Vec<u8> {
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

/// The names a figure's content draws with `Do`, read as `pdf-extract` reads
/// them.
pub(super) fn drawn_names(stream: &Stream) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(&decoded(stream)) else {
        return Vec::new();
    };
    let mut names: Vec<Vec<u8>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A page or figure on the walk in [`check_figures`]: the resources it draws
/// with and the figures it may draw with them.
pub(super) struct Frame<'a> {
    id: ObjectId,
    scope: Scope<'a>,
    children: Vec<ObjectId>,
    next: usize,
    /// The most levels of figures below it found so far.
    below: usize,
}

impl<'a> Frame<'a> {
    /// `names` are those the figure draws, when known; else it may draw
    /// every figure its resources name.
    pub(super) fn new(
        doc: &'a Document,
        id: ObjectId,
        scope: Scope<'a>,
        names: Option<&[Vec<u8>]>,
    ) -> Self {
        let xobjects = xobjects(doc, scope.1);
        let children = match (xobjects, names) {
            (None, _) => Vec::new(),
            (Some(xobjects), None) => xobjects
                .iter()
                .filter_map(|(_, o)| figure(doc, o))
                .collect(),
            (Some(xobjects), Some(names)) => names
                .iter()
                .filter_map(|n| figure(doc, xobjects.get(n).ok()?))
                .collect(),
        };
        Frame {
            id,
            scope,
            children,
            next: 0,
            below: 0,
        }
    }

    /// The figure or page with the resources it draws with.
    pub(super) fn node(&self) -> (ObjectId, ObjectId) {
        (self.id, self.scope.0)
    }
}

/// The figures (Form XObjects) the pages draw, once no figure draws itself,
/// directly or through others, and none nest deeper than
/// [`MAX_FIGURE_DEPTH`]. As in `pdf-extract`, a figure without resources of
/// its own draws with those of whatever draws it, so what is walked is a
/// figure together with the resources in force. A figure is taken to draw
/// every figure its own resources name; one without resources (which would
/// then seem to draw itself) is read for the names it does draw, when
/// `scans` knows its size. Walked without recursion; a figure met again with
/// the same resources is not walked again, but counts as deep as it was.
pub(super) fn check_figures(
    doc: &Document,
    scans: &HashMap<ObjectId, Scan>,
) -> Result<HashSet<ObjectId>, String> {
    let mut figures: HashSet<ObjectId> = HashSet::new();
    let mut drawn: HashMap<ObjectId, Vec<Vec<u8>>> = HashMap::new();
    let too_deep = || {
        format!(
            "PDF-filens figurer är nästlade djupare än {MAX_FIGURE_DEPTH} nivåer; \
             filen är skadad"
        )
    };
    // Depth-first from each page, colouring: on the path (grey) or done
    // (black, with its levels: itself and the most below it).
    let mut done: HashMap<(ObjectId, ObjectId), usize> = HashMap::new();
    for page in doc.page_iter() {
        let Some(scope) = page_resources(doc, page) else {
            continue;
        };
        let root = Frame::new(doc, page, scope, None);
        let mut on_path = HashSet::from([root.node()]);
        let mut path = vec![root];
        while let Some(frame) = path.last_mut() {
            let Some(&child) = frame.children.get(frame.next) else {
                let (node, levels) = (frame.node(), frame.below + 1);
                path.pop();
                on_path.remove(&node);
                done.insert(node, levels);
                if let Some(parent) = path.last_mut() {
                    parent.below = parent.below.max(levels);
                }
                continue;
            };
            frame.next += 1;
            let own = figure_resources(doc, child);
            let scope = own.unwrap_or(frame.scope);
            let node = (child, scope.0);
            if on_path.contains(&node) {
                return Err(
                    "PDF-filen har en figur (Form XObject) som ritar sig själv; filen är \
                     skadad eller konstruerad för att krascha läsningen"
                        .to_string(),
                );
            }
            // The page is the path's first step; the figures follow it.
            if let Some(&levels) = done.get(&node) {
                if path.len() + levels - 1 > MAX_FIGURE_DEPTH {
                    return Err(too_deep());
                }
                if let Some(frame) = path.last_mut() {
                    frame.below = frame.below.max(levels);
                }
                continue;
            }
            if path.len() > MAX_FIGURE_DEPTH {
                return Err(too_deep());
            }
            let names = match (own, doc.objects.get(&child)) {
                (None, Some(Object::Stream(stream))) if scans.contains_key(&child) => Some(
                    drawn
                        .entry(child)
                        .or_insert_with(|| drawn_names(stream))
                        .as_slice(),
                ),
                _ => None,
            };
            figures.insert(child);
            on_path.insert(node);
            path.push(Frame::new(doc, child, scope, names));
        }
    }
    Ok(figures)
}
