//! Every quantitative fact in the seed report, each with the paragraph it comes from.

use crate::diag::{Checked, Diagnostic};
use crate::format;
use crate::money::Fen;
use crate::validate::{Ctx, Item};
use serde::Deserialize;
use std::collections::BTreeSet;

pub const FILE: &str = "figures.json";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawFigures {
    pub schema: Option<String>,
    pub source: Option<String>,
    pub figures: Vec<RawFigure>,
    /// 更正说明 ([`crate::correction`]).
    pub corrections: Vec<crate::correction::RawNote>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawFigure {
    pub id: Option<String>,
    pub label: Option<String>,
    pub label_en: Option<String>,
    pub kind: Option<String>,
    pub value: Option<i64>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub problem: Option<u32>,
    pub section: Option<String>,
    pub quote: Option<String>,
    pub note: Option<String>,
    pub key: bool,
}

/// What a figure's `value` counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Money(Fen),
    /// Hundredths of a percent (4.42% = 442).
    PercentBp(i64),
    Count {
        n: i64,
        unit: String,
    },
}

impl Value {
    /// In `lang`: money per language; counts in English without the Chinese unit word.
    pub fn display(&self, lang: crate::i18n::Lang) -> String {
        match (lang, self) {
            (crate::i18n::Lang::Zh, _) => self.display_zh(),
            (crate::i18n::Lang::En, Value::Money(f)) => format::money_en(*f),
            (crate::i18n::Lang::En, Value::PercentBp(bp)) => format::percent_bp(*bp),
            (crate::i18n::Lang::En, Value::Count { n, .. }) => {
                if *n < 0 {
                    format!("-{}", format::group_thousands(n.unsigned_abs()))
                } else {
                    format::group_thousands(*n as u64)
                }
            }
        }
    }

    pub fn display_zh(&self) -> String {
        match self {
            Value::Money(f) => format::money_zh(*f),
            Value::PercentBp(bp) => format::percent_bp(*bp),
            Value::Count { n, unit } => {
                let s = if *n < 0 { format!("-{}", format::group_thousands(n.unsigned_abs())) } else { format::group_thousands(*n as u64) };
                format!("{s}{unit}")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: String,
    pub label: String,
    pub label_en: Option<String>,
    pub value: Value,
    pub period: Option<String>,
    /// Problem number (1–21) whose paragraph states it; `None` for the intro or closing.
    pub problem: Option<u32>,
    pub section: String,
    pub quote: String,
    pub note: Option<String>,
    pub key: bool,
}

impl Figure {
    /// The label in `lang`: `label_en` in English when the data file has one, else as published.
    pub fn label_in(&self, lang: crate::i18n::Lang) -> &str {
        match (lang, &self.label_en) {
            (crate::i18n::Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.label,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub source: String,
    pub figures: Vec<Figure>,
}

impl Figures {
    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn key_figures(&self) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(|f| f.key)
    }

    pub fn for_problem(&self, no: u32) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.problem == Some(no))
    }
}

pub fn load(text: &str) -> Result<Checked<Figures>, Diagnostic> {
    let raw: RawFigures = crate::json::parse(FILE, text)?;
    Ok(validate(raw))
}

/// The correction notes, then every figure ([`figure`]).
pub fn validate(raw: RawFigures) -> Checked<Figures> {
    let mut ctx = Ctx::new(FILE);
    ctx.corrections(&raw.corrections);
    let mut seen = BTreeSet::new();
    let mut figures = Vec::new();
    for (i, f) in raw.figures.into_iter().enumerate() {
        figures.extend(figure(&mut ctx, &Item::new(&"figures", i), f, &mut seen));
    }
    ctx.finish(Figures { source: raw.source.unwrap_or_default(), figures })
}

/// One figure: an id (not repeated), a label, a kind and its value, a problem of the report if
/// any, and a quote (a warning when missing); `None` when it has an error.
fn figure(ctx: &mut Ctx, at: &Item, f: RawFigure, seen: &mut BTreeSet<String>) -> Option<Figure> {
    let mark = ctx.mark();
    let id = f.id.clone().unwrap_or_default();
    if id.is_empty() {
        ctx.error_en(&at.field("id"), "缺少 id", "the id is missing");
    } else if !seen.insert(id.clone()) {
        ctx.error_en(&at.field("id"), format!("id“{id}”重复，这一条未显示"), format!("the id “{id}” appears more than once; this figure is not shown"));
    }
    let label = f.label.clone().unwrap_or_default();
    if label.trim().is_empty() {
        ctx.error_en(&at.field("label"), format!("数字“{id}”缺少名称"), format!("figure “{id}” has no label"));
    }
    let value = match (f.kind.as_deref(), f.value) {
        (_, None) => {
            ctx.error_en(&at.field("value"), format!("数字“{id}”缺少数值"), format!("figure “{id}” has no value"));
            None
        }
        (Some("money"), Some(v)) => Some(Value::Money(Fen(v))),
        (Some("percent"), Some(v)) => Some(Value::PercentBp(v)),
        (Some("count"), Some(v)) => Some(Value::Count { n: v, unit: f.unit.clone().unwrap_or_default() }),
        (Some(k), _) => {
            ctx.error_en(
                &at.field("kind"),
                format!("数字“{id}”的类型“{k}”无法识别（应为 money、percent 或 count）"),
                format!("figure “{id}”: the kind “{k}” is not money, percent or count"),
            );
            None
        }
        (None, _) => {
            ctx.error_en(&at.field("kind"), format!("数字“{id}”缺少类型"), format!("figure “{id}” has no kind (money, percent or count)"));
            None
        }
    };
    if let Some(n) = f.problem.filter(|n| !(1..=99).contains(n)) {
        ctx.error_en(
            &at.field("problem"),
            format!("数字“{id}”的问题编号 {n} 不合理"),
            format!("figure “{id}”: problem number {n} is not one of the report's problems"),
        );
    }
    let quote = f.quote.unwrap_or_default();
    if quote.trim().is_empty() {
        ctx.warning_en(&at.field("quote"), format!("数字“{id}”没有引用原文"), format!("figure “{id}” does not quote the report's words"));
    }
    if !ctx.only_warnings_since(mark) {
        return None;
    }
    Some(Figure {
        id,
        label,
        label_en: f.label_en,
        value: value?,
        period: f.period,
        problem: f.problem,
        section: f.section.unwrap_or_default(),
        quote,
        note: f.note,
        key: f.key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_errors() {
        let c = load(
            r#"{"figures":[
            {"id":"a","label":"募捐","kind":"money","value":1282400000,"problem":7,"quote":"q","key":true},
            {"id":"b","label":"占比","kind":"percent","value":442,"problem":7,"quote":"q"},
            {"id":"c","label":"队伍","kind":"count","value":55,"unit":"支","problem":6,"quote":"q"},
            {"id":"c","label":"重复","kind":"count","value":1,"quote":"q"},
            {"id":"d","label":"怪","kind":"ratio","value":1,"quote":"q"}
        ]}"#,
        )
        .unwrap();
        assert_eq!(c.value.figures.len(), 3);
        assert_eq!(c.value.get("a").unwrap().value.display_zh(), "1,282.4万元");
        assert_eq!(c.value.get("b").unwrap().value.display_zh(), "4.42%");
        assert_eq!(c.value.get("c").unwrap().value.display_zh(), "55支");
        assert_eq!(c.value.key_figures().count(), 1);
        assert!(c.findings.iter().any(|d| d.path == "figures[3].id"));
        assert!(c.findings.iter().any(|d| d.path == "figures[4].kind"));
        // In English too.
        let kind = c.findings.iter().find(|d| d.path == "figures[4].kind").unwrap();
        assert_eq!(kind.message_in(crate::i18n::Lang::En), ("figure “d”: the kind “ratio” is not money, percent or count", true));
    }
}
