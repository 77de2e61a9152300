//! 更正说明 (correction notes): what a dataset file says about a published record it changed or
//! removed. Every dataset file may carry a top-level `corrections` array:
//!
//! ```json
//! "corrections": [
//!   {"record": "D2021-00042", "date": "2026-12-01", "what": "金额由 500 元更正为 5000 元", "why": "录入时少写一位"}
//! ]
//! ```
//!
//! `record` names the record as [`crate::history::diff`] keys it (a ledger's or relief record's
//! `id`, a rectification problem's number, a figure's `id`, a county's name, …; see
//! docs/data-format.md). Notes stay in the file after the change (they are the published
//! correction), and `gongshi release` refuses a release that changes or removes a real record
//! without one dated after the release that published it.

use crate::date::PartialDate;
use crate::diag::Checked;
use crate::validate::{Ctx, Item};
use serde::{Deserialize, Serialize};

/// The top-level field that holds the notes.
pub const FIELD: &str = "corrections";

/// One note as written in the file (every field optional, so that all problems are reported).
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct RawNote {
    /// The record it is about.
    pub record: Option<String>,
    /// When the correction was published: a full date, YYYY-MM-DD.
    pub date: Option<String>,
    /// What changed.
    pub what: Option<String>,
    /// Why.
    pub why: Option<String>,
}

/// A valid correction note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub record: String,
    /// Always a full date.
    pub date: PartialDate,
    pub what: String,
    pub why: String,
}

/// Checks the notes of `file`: each names a record, has a full date that exists, and says what
/// and why. A note with a problem is left out and listed.
pub fn check(file: &str, raw: &[RawNote]) -> Checked<Vec<Note>> {
    let mut ctx = Ctx::new(file);
    let notes = check_into(&mut ctx, raw);
    ctx.finish(notes)
}

/// [`check`] within a dataset's validation ([`Ctx::corrections`]).
pub(crate) fn check_into(ctx: &mut Ctx, raw: &[RawNote]) -> Vec<Note> {
    let mut notes = Vec::with_capacity(raw.len());
    for (i, n) in raw.iter().enumerate() {
        let at = Item::new(&FIELD, i);
        let mark = ctx.mark();
        let record = text(ctx, &n.record, &at, "record", "所更正的记录");
        let what = text(ctx, &n.what, &at, "what", "更正内容");
        let why = text(ctx, &n.why, &at, "why", "更正原因");
        let date = full_date(ctx, n.date.as_deref(), &at);
        if !ctx.clean_since(mark) {
            continue;
        }
        if let (Some(record), Some(date), Some(what), Some(why)) = (record, date, what, why) {
            notes.push(Note { record, date, what, why });
        }
    }
    notes
}

/// A note's text field, trimmed: given and not blank.
fn text(ctx: &mut Ctx, v: &Option<String>, at: &Item, field: &str, zh: &str) -> Option<String> {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => Some(s.to_string()),
        _ => {
            ctx.error_en(&at.field(field), format!("更正说明缺少{zh}（{field}）"), format!("a correction note has no {field}"));
            None
        }
    }
}

/// A note's date: a full date (YYYY-MM-DD) that exists.
fn full_date(ctx: &mut Ctx, v: Option<&str>, at: &Item) -> Option<PartialDate> {
    let path = at.field("date");
    match v.map(PartialDate::parse) {
        Some(Ok(d)) if d.day.is_some() => Some(d),
        Some(Ok(_)) | None => {
            ctx.error_en(&path, "更正说明的日期应为完整日期 YYYY-MM-DD", "a correction note's date must be a full date, YYYY-MM-DD");
            None
        }
        Some(Err(e)) => {
            ctx.error(&path, e);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(record: &str, date: &str, what: &str, why: &str) -> RawNote {
        let s = |x: &str| (!x.is_empty()).then(|| x.to_string());
        RawNote { record: s(record), date: s(date), what: s(what), why: s(why) }
    }

    #[test]
    fn notes_need_a_record_a_full_date_what_and_why() {
        let c = check(
            "goods.json",
            &[
                raw("S-1", "2026-12-01", "数量更正", "录入错误"),
                raw("", "2026-12-01", "x", "y"),
                raw("S-2", "2026-12", "x", "y"),
                raw("S-3", "2026-02-30", "x", "y"),
                raw("S-4", "2026-12-01", " ", "y"),
                raw("S-5", "2026-12-01", "x", ""),
            ],
        );
        assert_eq!(c.value.len(), 1);
        assert_eq!((c.value[0].record.as_str(), c.value[0].date.to_string().as_str()), ("S-1", "2026-12-01"));
        let paths: Vec<&str> = c.findings.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["corrections[1].record", "corrections[2].date", "corrections[3].date", "corrections[4].what", "corrections[5].why"]);
        assert!(c.findings.iter().all(|d| d.file == "goods.json"));
    }
}
