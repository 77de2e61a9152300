//! The publishing organisation as its data folder describes it (manifest.json's `organisation`):
//! its names, its administrative divisions and its relief programmes.
//!
//! Nothing about any one organisation is compiled into the app or this crate. Validators check
//! records against [`Organisation::divisions`] and [`Organisation::programmes`]; facets, tables
//! and charts follow their order; the page title and the static first view use the names. A
//! record holds what it names as a [`Term`]: the entry's place in the list (its facet code) and
//! the entry itself.

use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::validate::{Ctx, Item};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const FILE: &str = "manifest.json";

/// One administrative division the organisation covers (a county, a district, a township), in
/// the order the organisation lists them.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct Division {
    /// As records write it (城关镇).
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The statistical division code (6 digits for a county, 9 for a township, 12 for a village).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// One relief programme.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct Programme {
    /// As records write it (`temporary_aid`): lower-case letters, digits and `_`.
    pub key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// A children's or medical programme: published only as aggregates, never person by person.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate_only: bool,
    /// Other words an office's spreadsheets use for it (困难救助 for 临时困难救助): `gongshi
    /// import` accepts them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl Division {
    pub fn label(&self, lang: Lang) -> &str {
        in_lang(lang, &self.name, self.name_en.as_deref())
    }
}

impl Programme {
    pub fn label(&self, lang: Lang) -> &str {
        in_lang(lang, &self.name, self.name_en.as_deref())
    }
}

/// An entry of the organisation's lists as a record holds it: its place in the list (the facet
/// code, and the order of tables and charts) and the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term<T> {
    pub code: u32,
    pub def: Arc<T>,
}

impl<T> std::ops::Deref for Term<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.def
    }
}

/// The publishing organisation.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    pub name_en: Option<String>,
    pub website: Option<String>,
    /// 简称, for narrow headers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name_en: Option<String>,
    /// The site's title (default: the name and 信息公开).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_title_en: Option<String>,
    /// A contact line shown in the footer (address, telephone of the office, e-mail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_en: Option<String>,
    /// The public's channels for oversight and questions (监督与反馈), shown in the footer as
    /// `tel:` and `mailto:` links: a phone number, an e-mail address, a postal address and
    /// its postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// An SVG file in the data folder shown in the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The accent colour, `#rrggbb`, which must reach 4.5:1 against white.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// The divisions it covers, in its own order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<Arc<Division>>,
    /// What a total over every division is called on screen (全市, 全县); the files write
    /// [`crate::relief::WHOLE_AREA`] whatever the level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whole_area: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whole_area_en: Option<String>,
    /// What one of its divisions is called in headings (县（市、区）, 乡镇（街道）); default from
    /// the divisions' codes ([`Organisation::division_label_in`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_label_en: Option<String>,
    /// Its relief programmes, in its own order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Arc<Programme>>,
}

/// `en` when the language is English and it is given (not blank), else `zh`.
pub(crate) fn in_lang<'a>(lang: Lang, zh: &'a str, en: Option<&'a str>) -> &'a str {
    match (lang, en) {
        (Lang::En, Some(en)) if !en.trim().is_empty() => en,
        _ => zh,
    }
}

impl Organisation {
    /// The name in `lang` (the English name when the manifest gives one).
    pub fn name_in(&self, lang: Lang) -> &str {
        in_lang(lang, &self.name, self.name_en.as_deref())
    }

    /// The short name in `lang`, else the name.
    pub fn short_name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.short_name_en.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| self.name_in(lang)),
            Lang::Zh => self.short_name.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&self.name),
        }
    }

    /// The organisation's own site title in `lang`, when it gives one (in English only its
    /// English one: a Chinese title is no English page's title).
    pub fn site_title_in(&self, lang: Lang) -> Option<&str> {
        let own = match lang {
            Lang::Zh => self.site_title.as_deref(),
            Lang::En => self.site_title_en.as_deref(),
        };
        own.filter(|s| !s.trim().is_empty())
    }

    /// The contact line in `lang`, when there is one.
    pub fn contact_in(&self, lang: Lang) -> Option<&str> {
        let zh = self.contact.as_deref().filter(|s| !s.trim().is_empty())?;
        Some(in_lang(lang, zh, self.contact_en.as_deref()))
    }

    /// The division written `name`.
    pub fn division(&self, name: &str) -> Option<Term<Division>> {
        self.divisions.iter().position(|d| d.name == name).map(|p| Term { code: p as u32, def: self.divisions[p].clone() })
    }

    /// The programme keyed `key`.
    pub fn programme(&self, key: &str) -> Option<Term<Programme>> {
        self.programmes.iter().position(|d| d.key == key).map(|p| Term { code: p as u32, def: self.programmes[p].clone() })
    }

    /// The aggregates' total over every division, as a division of its own (code
    /// [`crate::table::NOT_APPLICABLE`], named [`Organisation::whole_area_in`]).
    pub fn whole_area_term(&self) -> Term<Division> {
        let d = Division { name: self.whole_area_in(Lang::Zh).to_string(), name_en: Some(self.whole_area_in(Lang::En).to_string()), code: None };
        Term { code: crate::table::NOT_APPLICABLE, def: Arc::new(d) }
    }

    /// The divisions' names, for messages (城关镇、东乡…).
    pub fn division_list(&self, sep: &str) -> String {
        self.divisions.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(sep)
    }

    /// The programmes' keys, for messages.
    pub fn programme_keys(&self) -> String {
        self.programmes.iter().map(|p| p.key.as_str()).collect::<Vec<_>>().join(" / ")
    }

    /// What a programme may be written as, for messages: its names, then its keys (可写 临时救助、
    /// 冬季送温暖，或 aid、winter_aid).
    pub fn programme_choices(&self) -> String {
        let names: Vec<&str> = self.programmes.iter().map(|p| p.name.as_str()).collect();
        format!("可写 {}，或 {}", names.join("、"), self.programmes.iter().map(|p| p.key.as_str()).collect::<Vec<_>>().join("、"))
    }

    /// What a total over every division is called (全市 unless the organisation says otherwise).
    pub fn whole_area_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.whole_area_en.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or("Whole area"),
            Lang::Zh => self.whole_area.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(crate::relief::WHOLE_AREA),
        }
    }

    /// What one division is called in column and facet headings, chart titles and the search
    /// box's hint: the organisation's own word when it gives one; else 乡镇（街道） when every
    /// division has a township code (9 digits), else 县（市、区）.
    pub fn division_label_in(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Zh => self.division_label.as_deref(),
            Lang::En => self.division_label_en.as_deref(),
        };
        if let Some(own) = own.filter(|s| !s.trim().is_empty()) {
            return own;
        }
        let townships = !self.divisions.is_empty() && self.divisions.iter().all(|d| d.code.as_deref().is_some_and(|c| c.len() == 9));
        match (townships, lang) {
            (true, Lang::Zh) => "乡镇（街道）",
            (true, Lang::En) => "Township",
            (false, Lang::Zh) => "县（市、区）",
            (false, Lang::En) => "County",
        }
    }

    /// The message for a division that is not listed: names it, and gives the list.
    pub fn not_a_division(&self, name: &str) -> (String, String) {
        (
            format!("“{name}”不在本会公布的行政区划之中（{}）", self.division_list("、")),
            format!("“{name}” is not one of the divisions this organisation publishes ({})", self.division_list(", ")),
        )
    }

    /// The organisation's own checks: a name; divisions and programmes named, each once;
    /// division codes of 6, 9 or 12 digits; programme keys a URL can carry; a logo that is an SVG
    /// file name; an accent colour readable on white.
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut ctx = Ctx::new(FILE);
        self.check_into(&mut ctx);
        ctx.finish(()).findings
    }

    /// [`Organisation::check`] within the manifest's validation.
    pub fn check_into(&self, ctx: &mut Ctx) {
        self.check_contact(ctx);
        self.check_divisions(ctx);
        self.check_programmes(ctx);
        self.check_look(ctx);
    }

    /// A name; a phone number and an e-mail address that make links.
    fn check_contact(&self, ctx: &mut Ctx) {
        if self.name.trim().is_empty() {
            ctx.error_en(&"organisation.name", "缺少发布机构名称", "the publishing organisation's name is missing");
        }
        if let Some(p) = self.phone.as_deref().filter(|p| crate::feedback::tel(p).is_none()) {
            ctx.error_en(
                &"organisation.phone",
                format!("电话“{p}”应只含数字、空格、-、+ 和括号"),
                format!("the phone number “{p}” may hold only digits, spaces, -, + and brackets"),
            );
        }
        if let Some(m) = self.email.as_deref().filter(|m| !crate::feedback::is_email(m)) {
            ctx.error_en(&"organisation.email", format!("电子邮箱“{m}”不是一个有效的地址"), format!("the e-mail address “{m}” is not one valid address"));
        }
    }

    /// Each division named once, its code (if any) 6, 9 or 12 digits and not listed twice.
    fn check_divisions(&self, ctx: &mut Ctx) {
        for (i, d) in self.divisions.iter().enumerate() {
            let at = Item::new(&"organisation.divisions", i);
            if d.name.trim().is_empty() {
                ctx.error_en(&at.field("name"), "行政区划缺少名称", "a division has no name");
            } else if self.divisions[..i].iter().any(|x| x.name == d.name) {
                ctx.error_en(&at.field("name"), format!("行政区划“{}”列了两次", d.name), format!("the division “{}” is listed twice", d.name));
            }
            if let Some(code) = &d.code {
                if !matches!(code.len(), 6 | 9 | 12) || !code.bytes().all(|b| b.is_ascii_digit()) {
                    ctx.error_en(
                        &at.field("code"),
                        format!("“{}”的区划代码“{code}”应为 6 位（县级）、9 位（乡级）或 12 位数字", d.name),
                        format!("the division code “{code}” of “{}” must be 6 (county), 9 (township) or 12 digits", d.name),
                    );
                } else if self.divisions[..i].iter().any(|x| x.code.as_deref() == Some(code)) {
                    ctx.error_en(&at.field("code"), format!("区划代码“{code}”列了两次"), format!("the division code “{code}” is listed twice"));
                }
            }
        }
    }

    /// Each programme keyed once with a key a URL can carry, and named.
    fn check_programmes(&self, ctx: &mut Ctx) {
        for (i, p) in self.programmes.iter().enumerate() {
            let at = Item::new(&"organisation.programmes", i);
            if p.key.is_empty() || !p.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                ctx.error_en(
                    &at.field("key"),
                    format!("救助项目的标识“{}”只能由小写字母、数字和 _ 组成", p.key),
                    format!("the programme key “{}” may only hold lower-case letters, digits and _", p.key),
                );
            } else if self.programmes[..i].iter().any(|x| x.key == p.key) {
                ctx.error_en(&at.field("key"), format!("救助项目“{}”列了两次", p.key), format!("the programme “{}” is listed twice", p.key));
            }
            if p.name.trim().is_empty() {
                ctx.error_en(&at.field("name"), format!("救助项目“{}”缺少名称", p.key), format!("the programme “{}” has no name", p.key));
            }
        }
    }

    /// A logo that is an SVG file in the data folder; an accent colour readable on white.
    fn check_look(&self, ctx: &mut Ctx) {
        if let Some(logo) = &self.logo {
            let plain = !logo.contains('/') && !logo.contains('\\') && !logo.starts_with('.');
            if !plain || !logo.to_ascii_lowercase().ends_with(".svg") {
                ctx.error_en(
                    &"organisation.logo",
                    format!("标志“{logo}”应为数据目录中的一个 SVG 文件名（如 logo.svg）"),
                    format!("the logo “{logo}” must be the name of an SVG file in the data folder (e.g. logo.svg)"),
                );
            }
        }
        if let Some(accent) = &self.accent {
            match parse_hex(accent) {
                None => ctx.error_en(
                    &"organisation.accent",
                    format!("主题色“{accent}”应写作 #rrggbb"),
                    format!("the accent colour “{accent}” must be written #rrggbb"),
                ),
                Some(rgb) => {
                    let ratio = contrast_on_white(rgb);
                    if ratio < 4.5 {
                        // In hundredths, as integers: formatting a float would link float printing into the app.
                        let h = (ratio * 100.0).round() as u32;
                        let ratio = format!("{}.{:02}", h / 100, h % 100);
                        ctx.error_en(
                            &"organisation.accent",
                            format!("主题色“{accent}”与白色的对比度只有 {ratio}:1，白底上的文字和白字按钮须至少 4.5:1，请选深一些的颜色"),
                            format!("the accent colour “{accent}” has a contrast of {ratio}:1 against white; text on white and white text on it need at least 4.5:1, so pick a darker colour"),
                        )
                    }
                }
            }
        }
    }
}

/// `#rrggbb` as three bytes.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let b = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([b(0)?, b(2)?, b(4)?])
}

/// The WCAG 2 contrast ratio of a colour against white.
pub fn contrast_on_white(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    1.05 / (l + 0.05)
}

/// Checks an SVG logo's bytes: well-formed enough to be SVG, and carrying nothing that runs
/// (script elements, event attributes, `javascript:` links, foreign objects, outside references).
pub fn check_logo(file: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        out.push(Diagnostic::error(file, "", "标志文件不是 UTF-8 文本的 SVG").en("the logo is not an SVG text file (UTF-8)"));
        return out;
    };
    let lower = text.to_ascii_lowercase();
    if !lower.contains("<svg") {
        out.push(Diagnostic::error(file, "", "标志文件不是 SVG（找不到 <svg>）").en("the logo is not an SVG file (no <svg> element)"));
        return out;
    }
    let mut bad: Vec<&str> = Vec::new();
    for (needle, what) in [
        ("<script", "<script>"),
        ("javascript:", "javascript:"),
        ("<foreignobject", "<foreignObject>"),
        ("<iframe", "<iframe>"),
        ("<!entity", "<!ENTITY>"),
        ("xlink:href=\"http", "an outside link"),
        ("href=\"http", "an outside link"),
    ] {
        if lower.contains(needle) && !bad.contains(&what) {
            bad.push(what);
        }
    }
    // Event handler attributes: on… = inside a tag.
    let b = lower.as_bytes();
    for i in 1..b.len().saturating_sub(3) {
        if (b[i - 1] == b' ' || b[i - 1] == b'\n' || b[i - 1] == b'\t') && b[i] == b'o' && b[i + 1] == b'n' {
            let rest = &lower[i + 2..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            if !name.is_empty() && rest[name.len()..].trim_start().starts_with('=') && !bad.contains(&"an on… event attribute") {
                bad.push("an on… event attribute");
            }
        }
    }
    if !bad.is_empty() {
        out.push(
            Diagnostic::error(file, "", format!("标志 SVG 含有可执行或外部引用的内容（{}），不予使用", bad.join("、")))
                .en(format!("the logo SVG carries content that runs or reaches outside ({}); it is not used", bad.join(", "))),
        );
    }
    out
}

/// The shipped data folder's organisation, for tests.
#[cfg(test)]
pub(crate) fn shipped() -> Organisation {
    crate::manifest::load(include_str!("../../../public/data/manifest.json")).expect("the shipped manifest parses").value.organisation.as_ref().clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org() -> Organisation {
        Organisation {
            name: "某县红十字会".into(),
            divisions: ["甲镇", "乙镇"].iter().map(|n| Arc::new(Division { name: n.to_string(), ..Default::default() })).collect(),
            programmes: vec![Arc::new(Programme { key: "aid".into(), name: "救助".into(), ..Default::default() })],
            ..Default::default()
        }
    }

    /// The divisions' heading: the organisation's own word, else by the codes' level; the
    /// division column and facet take it, every other heading keeps its label.
    #[test]
    fn the_division_heading_follows_the_data() {
        let town = |code: &str| Arc::new(Division { name: "甲镇".into(), code: Some(code.into()), ..Default::default() });
        let mut o = Organisation { divisions: vec![town("421022100"), town("421022101")], ..Default::default() };
        assert_eq!(o.division_label_in(Lang::Zh), "乡镇（街道）");
        assert_eq!(o.division_label_in(Lang::En), "Township");
        o.divisions.push(town("421022"));
        assert_eq!(o.division_label_in(Lang::Zh), "县（市、区）");
        assert_eq!(Organisation::default().division_label_in(Lang::En), "County");
        o.division_label = Some("片区".into());
        o.division_label_en = Some("Area".into());
        assert_eq!(o.division_label_in(Lang::Zh), "片区");
        use crate::table::{Column, Facet};
        assert_eq!(crate::relief::ReliefCol::County.def().heading(Lang::En, &o), "Area");
        assert_eq!(crate::relief::ReliefFacet::County.def().heading(Lang::Zh, &o), "片区");
        assert_eq!(crate::coverage::CountyCol::County.def().heading(Lang::Zh, &o), "片区");
        assert_eq!(crate::relief::AggregateCol::County.def().heading(Lang::Zh, &o), "片区");
        assert_eq!(crate::relief::ReliefCol::Programme.def().heading(Lang::Zh, &o), "救助项目");
    }

    #[test]
    fn a_good_organisation_has_no_findings_and_terms_carry_their_place() {
        let o = org();
        assert!(o.check().is_empty(), "{:?}", o.check());
        assert_eq!(o.division("乙镇").map(|t| t.code), Some(1));
        assert_eq!(o.division("丙镇"), None);
        assert_eq!(o.programme("aid").map(|t| t.name.clone()), Some("救助".to_string()));
        assert!(o.not_a_division("丙镇").0.contains("甲镇、乙镇"));
        assert_eq!(o.whole_area_in(Lang::Zh), "全市");
    }

    #[test]
    fn bad_organisation_data_is_named() {
        let mut o = org();
        o.divisions.push(Arc::new(Division { name: "甲镇".into(), code: Some("12".into()), ..Default::default() }));
        o.programmes.push(Arc::new(Programme { key: "Bad Key".into(), ..Default::default() }));
        o.programmes.push(Arc::new(Programme { key: "aid".into(), name: "又一个".into(), ..Default::default() }));
        o.accent = Some("#ffcc00".into());
        o.logo = Some("../x.png".into());
        o.phone = Some("javascript:alert(1)".into());
        o.email = Some("a@b.cn?bcc=c@d.cn".into());
        let paths: Vec<String> = o.check().into_iter().map(|d| d.path).collect();
        for p in [
            "organisation.divisions[2].name",
            "organisation.divisions[2].code",
            "organisation.programmes[1].key",
            "organisation.programmes[1].name",
            "organisation.programmes[2].key",
            "organisation.accent",
            "organisation.logo",
            "organisation.phone",
            "organisation.email",
        ] {
            assert!(paths.iter().any(|x| x == p), "{p} missing from {paths:?}");
        }
    }

    #[test]
    fn contrast_is_wcag() {
        assert!((contrast_on_white([0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast_on_white([255, 255, 255]) - 1.0).abs() < 1e-9);
        // The shipped red: 5.88:1 (WebAIM's checker gives 5.88:1); its yellow fails.
        let r = contrast_on_white(parse_hex("#c8102e").unwrap());
        assert!(r > 5.87 && r < 5.89, "{r}");
        assert!(contrast_on_white(parse_hex("#ffcc00").unwrap()) < 4.5);
    }

    #[test]
    fn logos_that_run_anything_are_refused() {
        let ok = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c8102e"/></svg>"##;
        assert!(check_logo("logo.svg", ok).is_empty());
        for bad in [
            &br#"<svg><script>alert(1)</script></svg>"#[..],
            br#"<svg onload="alert(1)"></svg>"#,
            br#"<svg><a href="javascript:alert(1)"><rect/></a></svg>"#,
            br#"<svg><foreignObject><div/></foreignObject></svg>"#,
            br#"<svg><image href="http://evil.example/x.png"/></svg>"#,
            b"\x89PNG....",
            b"<html></html>",
        ] {
            assert_eq!(check_logo("logo.svg", bad).len(), 1, "{}", String::from_utf8_lossy(bad));
        }
    }
}
