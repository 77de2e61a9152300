//! A table body that changes only what differs: the rows a keystroke keeps stay in the page
//! (and in place), with only their changed cells replaced (the search marked anew); the rows it
//! drops are removed and the new ones inserted where they belong. Blink then lays out and paints
//! the new and changed cells only, not a whole page of new rows (RESULTS.md 33–34: 58% of the
//! rows a keystroke shows were on screen before it, and 88% of their cells unchanged).
//!
//! The HTML is the core's ([`gongshi_core::table::html::rows_html_spans`], every piece of data
//! escaped), parsed through the app's one Trusted Types policy as before.

use gongshi_core::table::html::RowsHtml;
use wasm_bindgen::{JsCast, JsValue};

/// What is on screen: the HTML the body was last given (rows and cells by place).
#[derive(Default)]
pub struct Shown(Option<RowsHtml>);

impl Shown {
    /// The body was built with `html`.
    pub fn of(html: RowsHtml) -> Shown {
        Shown(Some(html))
    }
}

/// Puts `next` into `tbody`, changing only what differs from what `shown` says is there.
/// `trusted` makes a TrustedHTML of a string (the rows' policy).
pub fn show(tbody: &web_sys::Element, shown: &mut Shown, next: RowsHtml, trusted: impl Fn(&str) -> JsValue) {
    let old_rows: Vec<web_sys::Element> = children(tbody);
    match shown.0.take() {
        Some(prev) if prev.rows.len() == old_rows.len() && !prev.rows.is_empty() && !next.rows.is_empty() => {
            patch(tbody, &prev, &old_rows, &next, &trusted);
        }
        // Nothing to keep (first rows, no rows, or a body changed behind our back): all at once.
        _ => set_html(tbody, &trusted(&next.html)),
    }
    shown.0 = Some(next);
}

fn patch(tbody: &web_sys::Element, prev: &RowsHtml, old_rows: &[web_sys::Element], next: &RowsHtml, trusted: &impl Fn(&str) -> JsValue) {
    // Which rows stay: of the rows still shown, the longest run in their old order (the rest
    // would have to move, which costs as much as new ones).
    // (A page is at most a hundred rows: a scan, not a hash map and its code.)
    let was: Vec<Option<usize>> = next.rows.iter().map(|r| prev.rows.iter().position(|o| o.index == r.index)).collect();
    let keep = longest_increasing(&was);
    let mut kept_old = vec![false; old_rows.len()];
    for (j, k) in keep.iter().enumerate() {
        if *k {
            kept_old[was[j].expect("kept rows were shown")] = true;
        }
    }
    for (p, el) in old_rows.iter().enumerate() {
        if !kept_old[p] {
            el.remove();
        }
    }
    // Changed cells of the rows that stay, and the new rows: each parsed in one go.
    let mut cells_html = String::new();
    let mut changed: Vec<(usize, usize)> = Vec::new(); // (old row, cell)
    let mut rows_html = String::new();
    for (j, k) in keep.iter().enumerate() {
        if *k {
            let p = was[j].expect("kept");
            let (a, b) = (&prev.rows[p], &next.rows[j]);
            if a.cells.len() != b.cells.len() || prev.html[a.range.clone()] == next.html[b.range.clone()] {
                continue;
            }
            for c in 0..b.cells.len() {
                if prev.cell(p, c) != next.cell(j, c) {
                    cells_html.push_str(next.cell(j, c));
                    changed.push((p, c));
                }
            }
        } else {
            rows_html.push_str(next.row(j));
        }
    }
    if !changed.is_empty() {
        let new_cells = children(&parse(&cells_html, trusted));
        for ((p, c), cell) in changed.iter().zip(new_cells) {
            if let Some(old) = old_rows[*p].children().item(*c as u32) {
                let _ = old.replace_with_with_node_1(&cell);
            }
        }
    }
    if !rows_html.is_empty() {
        let fresh = parse(&rows_html, trusted);
        let mut fresh = children(&fresh).into_iter();
        // Each new row goes before the next row that stays (at the end when none does).
        let mut next_kept: Vec<Option<&web_sys::Element>> = vec![None; keep.len()];
        let mut after = None;
        for j in (0..keep.len()).rev() {
            next_kept[j] = after;
            if keep[j] {
                after = Some(&old_rows[was[j].expect("kept")]);
            }
        }
        for (j, k) in keep.iter().enumerate() {
            if !*k {
                if let Some(tr) = fresh.next() {
                    let _ = tbody.insert_before(&tr, next_kept[j].map(|e| e.unchecked_ref::<web_sys::Node>()));
                }
            }
        }
    }
}

/// The elements `html` parses to (rows, or cells), in a template's content.
fn parse(html: &str, trusted: &impl Fn(&str) -> JsValue) -> web_sys::DocumentFragment {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let t: web_sys::HtmlTemplateElement = doc.create_element("template").expect("template").unchecked_into();
    set_html(&t, &trusted(html));
    t.content()
}

fn set_html(el: &web_sys::Element, html: &JsValue) {
    let _ = js_sys::Reflect::set(el, &"innerHTML".into(), html);
}

fn children(parent: &JsValue) -> Vec<web_sys::Element> {
    let list: web_sys::HtmlCollection = js_sys::Reflect::get(parent, &"children".into()).expect("children").unchecked_into();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Which of `was` (each new row's old place, if it had one) to keep: a longest run of old
/// places that only increases (the rows that can stay where they are).
fn longest_increasing(was: &[Option<usize>]) -> Vec<bool> {
    // O(n²): a page is at most a hundred rows.
    let n = was.len();
    let mut len = vec![0usize; n];
    let mut from = vec![usize::MAX; n];
    let mut best = (0, usize::MAX);
    for j in 0..n {
        let Some(pj) = was[j] else { continue };
        len[j] = 1;
        for i in 0..j {
            if let Some(pi) = was[i] {
                if pi < pj && len[i] + 1 > len[j] {
                    len[j] = len[i] + 1;
                    from[j] = i;
                }
            }
        }
        if len[j] > best.0 {
            best = (len[j], j);
        }
    }
    let mut keep = vec![false; n];
    let mut j = best.1;
    while j != usize::MAX {
        keep[j] = true;
        j = from[j];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn the_rows_that_stay_are_a_longest_run_in_their_old_order() {
        assert_eq!(longest_increasing(&[Some(0), None, Some(1), Some(2)]), [true, false, true, true]);
        assert_eq!(longest_increasing(&[Some(2), Some(0), Some(1)]), [false, true, true]);
        assert_eq!(longest_increasing(&[None, None]), [false, false]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
