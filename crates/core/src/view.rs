//! View state ⇄ URL query string. Every view the user can reach is a query string, so a link
//! reopens the same view after a reload, on another device, at any sub-path of any static host
//! (no path routing, so no server rewrite rules are needed).

use crate::i18n::Lang;
use crate::rectification::ProblemFacet;
use crate::table::{Facet, TableState};
use std::collections::BTreeSet;

keyed_enum!(
    /// A page of the site (`page=donations`); its label is the navigation tab's.
    Page {
        Overview => "overview", "概览", "Overview";
        Donations => "donations", "捐赠", "Donations";
        Relief => "relief", "救助", "Relief";
        Coverage => "coverage", "组织覆盖", "Coverage";
        Rectification => "rectification", "整改", "Rectification";
        /// Every dataset, its files, freshness and how to cite it.
        Data => "data", "数据", "Data";
        /// The publication history: every release, what it changed, the chain's check, the
        /// disclosure calendar (reached from the footer and the data page, not a tab).
        History => "history", "更新记录", "History";
        /// 捐赠查询: a donor looks up their donation and where it went (one tap from the
        /// donations page and the overview, not a tab).
        Lookup => "lookup", "捐赠查询", "Donation lookup";
    }
);

impl Page {
    /// Pages whose main content is a table (their state is a [`TableState`]).
    pub fn is_table(self) -> bool {
        matches!(self, Page::Donations | Page::Relief | Page::Coverage)
    }

    /// The manifest dataset the page shows (`None`: the overview and the data page, which show
    /// whatever is published).
    pub fn dataset(self) -> Option<&'static str> {
        match self {
            Page::Overview | Page::Data | Page::History | Page::Lookup => None,
            Page::Donations => Some("donations"),
            Page::Relief => Some("relief"),
            Page::Coverage => Some("coverage"),
            Page::Rectification => Some("rectification"),
        }
    }
}

/// Decodes `a=1&b=%E4%B8%AD` (leading `?` allowed) into pairs, in order.
pub fn parse_query(s: &str) -> Vec<(String, String)> {
    let s = s.strip_prefix('?').unwrap_or(s);
    s.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Encodes pairs as a query string without the leading `?` (empty pairs give "").
pub fn encode_query(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn list<T: Ord>(v: Option<&str>, f: impl Fn(&str) -> Option<T>) -> BTreeSet<T> {
    v.unwrap_or("").split(',').filter_map(|x| f(x.trim())).collect()
}

fn join<T>(set: &BTreeSet<T>, f: impl Fn(&T) -> String) -> String {
    set.iter().map(f).collect::<Vec<_>>().join(",")
}

/// The state of the 整改 page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RectView {
    /// The search (`q`) and the facet selections (`aspect`, `status`: [`ProblemFacet`]'s keys)
    /// the table engine answers ([`crate::rectification::Rectification::run`]). Holds only
    /// values the facets know, each by its canonical key (see [`rect_table`]).
    pub table: TableState,
    /// Problems shown expanded.
    pub open: BTreeSet<u32>,
}

/// The 整改 page's search and facet selections in `pairs`. A value its facet does not know is
/// dropped (a hand-edited `aspect=x,2` selects aspect 2, `status=bogus` selects nothing, so
/// shows all), as the page always did.
fn rect_table(pairs: &[(String, String)]) -> TableState {
    let mut table = TableState { query: get(pairs, "q").unwrap_or("").to_string(), ..TableState::default() };
    for f in ProblemFacet::ALL {
        let codes = list(get(pairs, f.key()), |s| f.parse(s));
        if !codes.is_empty() {
            table.facets.insert(f.key().to_string(), codes.into_iter().map(|c| f.value_key(c)).collect());
        }
    }
    table
}

/// The 整改 page's facet selections as URL pairs, each facet's values in code order
/// (`aspect=2,10`, not as text sorts them).
fn rect_pairs(table: &TableState, pairs: &mut Vec<(&str, String)>) {
    for f in ProblemFacet::ALL {
        if let Some(keys) = table.selected(f.key()) {
            let codes: BTreeSet<u32> = keys.iter().filter_map(|k| f.parse(k)).collect();
            if !codes.is_empty() {
                pairs.push((f.key(), join(&codes, |c| f.value_key(*c))));
            }
        }
    }
}

/// The state of the 更新记录 page: the diff on screen (which dataset, between which releases)
/// and its search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryView {
    /// The dataset compared (`set=donations`).
    pub dataset: Option<String>,
    /// The earlier and the later release (`from=1&to=2`; default: the latest and the one before).
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// The search over the diff's records (`q`).
    pub query: String,
}

/// The state of the 捐赠查询 page: what the donor asked (a receipt number, a donation or batch
/// id; or a name with the date and the amount in 元), so that the answer has its own permalink.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LookupView {
    /// `no=XNHH-2019-000002`.
    pub number: String,
    /// `name=…&date=2019-01-05&amount=10000`.
    pub name: String,
    pub date: String,
    pub amount: String,
}

/// How the view is shown: the full site, or embedded in another site's page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Embed {
    #[default]
    None,
    /// The page's content without navigation chrome.
    Page,
    /// One chart (by its id) with its source line.
    Chart(String),
}

/// The whole view: which page, and that page's state. Unknown keys are ignored; invalid values
/// fall back to defaults (a hand-edited link never breaks the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub page: Page,
    pub rect: RectView,
    pub history: HistoryView,
    pub lookup: LookupView,
    /// The state of the current table page (捐赠, 救助, 组织覆盖).
    pub table: TableState,
    pub embed: Embed,
    /// The UI language (`lang=en`; absent means Chinese).
    pub lang: Lang,
    /// Large text for older readers (`text=large`): larger type, more line spacing, more contrast.
    pub large: bool,
    /// The donations page's flow chart by project (`flow=project`) rather than by channel.
    pub flow_by_project: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            page: Page::Overview,
            rect: RectView::default(),
            history: HistoryView::default(),
            lookup: LookupView::default(),
            table: TableState::default(),
            embed: Embed::None,
            lang: Lang::Zh,
            large: false,
            flow_by_project: false,
        }
    }
}

/// Query keys with a fixed meaning on table pages; every other key is a facet.
const TABLE_KEYS: [&str; 9] = ["page", "q", "sort", "p", "embed", "chart", "lang", "text", "flow"];

impl View {
    pub fn from_query(query: &str) -> View {
        let pairs = parse_query(query);
        let page = get(&pairs, "page").and_then(Page::parse).unwrap_or(Page::Overview);
        let rect = if page != Page::Rectification {
            RectView::default()
        } else {
            RectView { table: rect_table(&pairs), open: list(get(&pairs, "open"), |s| s.parse().ok()) }
        };
        let history = if page != Page::History {
            HistoryView::default()
        } else {
            HistoryView {
                dataset: get(&pairs, "set").filter(|s| !s.is_empty()).map(String::from),
                from: get(&pairs, "from").and_then(|s| s.parse().ok()),
                to: get(&pairs, "to").and_then(|s| s.parse().ok()),
                query: get(&pairs, "q").unwrap_or("").to_string(),
            }
        };
        let text = |k: &str| get(&pairs, k).unwrap_or("").to_string();
        let lookup = if page != Page::Lookup {
            LookupView::default()
        } else {
            LookupView { number: text("no"), name: text("name"), date: text("date"), amount: text("amount") }
        };
        let mut table = TableState::default();
        if page.is_table() {
            table.query = get(&pairs, "q").unwrap_or("").to_string();
            table.sort = get(&pairs, "sort").filter(|s| !s.is_empty()).map(|s| match s.strip_prefix('-') {
                Some(col) => (col.to_string(), true),
                None => (s.to_string(), false),
            });
            table.page = get(&pairs, "p").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).saturating_sub(1);
            for (k, v) in &pairs {
                if !TABLE_KEYS.contains(&k.as_str()) && !k.is_empty() {
                    let set: BTreeSet<String> = v.split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect();
                    if set.is_empty() {
                        table.facets.remove(k);
                    } else {
                        table.facets.insert(k.clone(), set);
                    }
                }
            }
        }
        let embed = match get(&pairs, "embed") {
            Some("chart") => match get(&pairs, "chart") {
                Some(id) if !id.is_empty() => Embed::Chart(id.to_string()),
                _ => Embed::Page,
            },
            Some("page") | Some("1") => Embed::Page,
            _ => Embed::None,
        };
        let lang = get(&pairs, "lang").and_then(Lang::parse).unwrap_or_default();
        let large = get(&pairs, "text") == Some("large");
        let flow_by_project = page == Page::Donations && get(&pairs, "flow") == Some("project");
        View { page, rect, history, lookup, table, embed, lang, large, flow_by_project }
    }

    /// The canonical query string (without `?`); "" for the default view.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.page != Page::Overview {
            pairs.push(("page", self.page.key().to_string()));
        }
        if self.page == Page::Rectification {
            let t = &self.rect.table;
            if !t.query.is_empty() {
                pairs.push(("q", t.query.clone()));
            }
            rect_pairs(t, &mut pairs);
            if !self.rect.open.is_empty() {
                pairs.push(("open", join(&self.rect.open, |a| a.to_string())));
            }
        }
        if self.page == Page::History {
            let h = &self.history;
            pairs.extend(h.dataset.clone().map(|d| ("set", d)));
            pairs.extend(h.from.map(|n| ("from", n.to_string())));
            pairs.extend(h.to.map(|n| ("to", n.to_string())));
            if !h.query.is_empty() {
                pairs.push(("q", h.query.clone()));
            }
        }
        if self.page == Page::Lookup {
            let l = &self.lookup;
            for (k, v) in [("no", &l.number), ("name", &l.name), ("date", &l.date), ("amount", &l.amount)] {
                if !v.trim().is_empty() {
                    pairs.push((k, v.trim().to_string()));
                }
            }
        }
        if self.page.is_table() {
            let t = &self.table;
            if !t.query.is_empty() {
                pairs.push(("q", t.query.clone()));
            }
            for (k, set) in &t.facets {
                if !set.is_empty() && !TABLE_KEYS.contains(&k.as_str()) {
                    pairs.push((k.as_str(), join(set, |x| x.clone())));
                }
            }
            if let Some((col, desc)) = &t.sort {
                pairs.push(("sort", format!("{}{col}", if *desc { "-" } else { "" })));
            }
            if t.page > 0 {
                pairs.push(("p", (t.page + 1).to_string()));
            }
        }
        if self.page == Page::Donations && self.flow_by_project {
            pairs.push(("flow", "project".to_string()));
        }
        if self.lang != Lang::Zh {
            pairs.push(("lang", self.lang.key().to_string()));
        }
        if self.large {
            pairs.push(("text", "large".to_string()));
        }
        match &self.embed {
            Embed::None => {}
            Embed::Page => pairs.push(("embed", "page".into())),
            Embed::Chart(id) => {
                pairs.push(("embed", "chart".into()));
                pairs.push(("chart", id.clone()));
            }
        }
        encode_query(&pairs)
    }

    /// This view as an embed of the page, or of one chart.
    pub fn embedded(&self, embed: Embed) -> View {
        View { embed, ..self.clone() }
    }

    /// A view of `page` with default state.
    pub fn page(page: Page) -> View {
        View { page, ..View::default() }
    }

    /// This view in `lang`.
    pub fn with_lang(self, lang: Lang) -> View {
        View { lang, ..self }
    }

    /// A view of `page` with default state, in `lang`.
    pub fn page_in(page: Page, lang: Lang) -> View {
        View { page, lang, ..View::default() }
    }

    /// `view` with this view's reading settings (language and text size): what a link from
    /// this view leads to.
    pub fn carry_settings(&self, view: View) -> View {
        View { lang: self.lang, large: self.large, ..view }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_chinese_search() {
        let mut v = View::page(Page::Rectification);
        v.rect.table.query = "网络 募捐&=?#".into();
        v.rect.table.toggle("aspect", "1");
        v.rect.table.toggle("aspect", "3");
        v.rect.table.toggle("status", "done");
        v.rect.open = [7].into();
        let q = v.to_query();
        assert!(q.starts_with("page=rectification&q=%E7%BD%91"), "{q}");
        assert!(q.ends_with("&aspect=1,3&status=done&open=7"), "{q}");
        assert_eq!(View::from_query(&format!("?{q}")), v);
        // Aspects in number order, as links have always written them.
        v.rect.table.toggle("aspect", "10");
        assert!(v.to_query().contains("&aspect=1,3,10&"), "{}", v.to_query());
        assert_eq!(View::from_query(&v.to_query()), v);
    }

    #[test]
    fn the_history_pages_diff_round_trips() {
        let v = View::from_query("?page=history&set=donations&from=1&to=2&q=%E7%88%B1&aspect=1");
        assert_eq!(v.history, HistoryView { dataset: Some("donations".into()), from: Some(1), to: Some(2), query: "爱".into() });
        assert_eq!(v.to_query(), "page=history&set=donations&from=1&to=2&q=%E7%88%B1");
        assert_eq!(View::from_query(&v.to_query()), v);
        assert_eq!(View::from_query("?page=history&from=x").history, HistoryView::default());
        assert_eq!(View::from_query("?page=donations&set=donations").history, HistoryView::default());
    }

    #[test]
    fn a_lookup_has_its_own_permalink() {
        let v = View::from_query("?page=lookup&no=XNHH-2019-000002");
        assert_eq!(v.lookup.number, "XNHH-2019-000002");
        assert_eq!(View::from_query(&v.to_query()), v);
        let v = View::from_query("?page=lookup&name=%E5%95%86%E4%BC%9A&date=2020-05-01&amount=2000");
        assert_eq!((v.lookup.name.as_str(), v.lookup.date.as_str(), v.lookup.amount.as_str()), ("商会", "2020-05-01", "2000"));
        assert_eq!(v.to_query(), "page=lookup&name=%E5%95%86%E4%BC%9A&date=2020-05-01&amount=2000");
    }

    #[test]
    fn defaults_and_garbage() {
        assert_eq!(View::from_query(""), View::default());
        assert_eq!(View::default().to_query(), "");
        let v = View::from_query("?page=nope&aspect=x,2");
        assert_eq!(v, View::default(), "an unknown page is the overview, with no state");
        let v = View::from_query("?page=rectification&aspect=x,2&status=bogus,done&q=%E4%B8%AD%ZZ+a&open=");
        assert_eq!(v.page, Page::Rectification);
        let selected = |f: &str| v.rect.table.selected(f).cloned().unwrap_or_default();
        assert_eq!(selected("aspect"), ["2".to_string()].into());
        assert_eq!(selected("status"), ["done".to_string()].into());
        assert_eq!(v.rect.table.query, "中%ZZ a");
        assert!(v.rect.open.is_empty());
        assert_eq!(v.to_query(), "page=rectification&q=%E4%B8%AD%25ZZ%20a&aspect=2&status=done");
        // Nothing known selected: no selection at all (every problem shows).
        let v = View::from_query("?page=rectification&aspect=x&status=bogus&year=2020");
        assert_eq!(v.rect.table, TableState::default());
        assert_eq!(View::from_query("?page=rectification&aspect=01,+2").to_query(), "page=rectification&aspect=1,2");
    }

    #[test]
    fn table_state_round_trip() {
        let mut v = View::page(Page::Donations);
        v.table.query = "防汛 通山".into();
        v.table.toggle("year", "2020");
        v.table.toggle("year", "2021");
        v.table.toggle("origin", "real");
        v.table.sort = Some(("amount".into(), true));
        v.table.page = 2;
        let q = v.to_query();
        assert_eq!(q, "page=donations&q=%E9%98%B2%E6%B1%9B%20%E9%80%9A%E5%B1%B1&origin=real&year=2020,2021&sort=-amount&p=3");
        assert_eq!(View::from_query(&q), v);
        // Table keys are ignored on other pages, and rectification keys on table pages.
        assert_eq!(View::from_query("page=rectification&year=2020").table, TableState::default());
        assert_eq!(View::from_query("page=donations&p=0&sort=").table, TableState::default());
    }

    #[test]
    fn embed_round_trip_and_it_is_not_a_facet() {
        let mut v = View::page(Page::Donations);
        v.table.toggle("year", "2020");
        let e = v.embedded(Embed::Chart("don-monthly".into()));
        let q = e.to_query();
        assert_eq!(q, "page=donations&year=2020&embed=chart&chart=don-monthly");
        let back = View::from_query(&q);
        assert_eq!(back, e);
        assert!(!back.table.facets.contains_key("embed") && !back.table.facets.contains_key("chart"));
        assert_eq!(View::from_query("page=rectification&embed=page").embed, Embed::Page);
        assert_eq!(View::from_query("embed=chart").embed, Embed::Page, "a chart embed without an id shows the page");
        assert_eq!(View::from_query("embed=bogus").embed, Embed::None);
    }

    #[test]
    fn the_flow_by_project_round_trips_on_the_donations_page_only() {
        let v = View::from_query("page=donations&year=2021&flow=project");
        assert!(v.flow_by_project && !v.table.facets.contains_key("flow"));
        assert_eq!(v.to_query(), "page=donations&year=2021&flow=project");
        assert!(!View::from_query("page=donations&flow=channel").flow_by_project);
        let r = View::from_query("page=relief&flow=project");
        assert!(!r.flow_by_project && !r.table.facets.contains_key("flow"));
        assert_eq!(r.to_query(), "page=relief");
        // A chart's embed keeps it.
        assert_eq!(v.embedded(Embed::Chart("don-flow".into())).to_query(), "page=donations&year=2021&flow=project&embed=chart&chart=don-flow");
    }

    #[test]
    fn large_text_round_trips_is_not_a_facet_and_links_keep_it() {
        assert!(!View::from_query("").large);
        assert!(!View::from_query("text=huge").large);
        let v = View::from_query("page=relief&text=large&county=咸安区");
        assert!(v.large);
        assert!(!v.table.facets.contains_key("text"));
        assert_eq!(v.to_query(), "page=relief&county=%E5%92%B8%E5%AE%89%E5%8C%BA&text=large");
        let next = v.carry_settings(View::page(Page::Coverage));
        assert_eq!(next.to_query(), "page=coverage&text=large");
        assert_eq!(View::from_query("lang=en&text=large").carry_settings(View::page(Page::Data)).to_query(), "page=data&lang=en&text=large");
    }

    #[test]
    fn lang_round_trip_and_it_is_not_a_facet() {
        assert_eq!(View::from_query("").lang, Lang::Zh);
        assert_eq!(View::from_query("lang=bogus").lang, Lang::Zh);
        assert_eq!(View::from_query("lang=zh").to_query(), "", "Chinese is the default and not written");
        let mut v = View::page(Page::Donations);
        v.table.toggle("year", "2020");
        v.lang = Lang::En;
        let q = v.to_query();
        assert_eq!(q, "page=donations&year=2020&lang=en");
        let back = View::from_query(&q);
        assert_eq!(back, v);
        assert!(!back.table.facets.contains_key("lang"));
        assert_eq!(View::from_query("lang=en").to_query(), "lang=en");
        assert_eq!(View::page_in(Page::Relief, Lang::En).to_query(), "page=relief&lang=en");
    }

    #[test]
    fn page_and_status_keys_labels_and_parsing() {
        use crate::rectification::Status;
        let pages: Vec<(&str, &str, &str)> = Page::ALL.into_iter().map(|p| (p.key(), p.zh(), p.en())).collect();
        assert_eq!(
            pages,
            [
                ("overview", "概览", "Overview"),
                ("donations", "捐赠", "Donations"),
                ("relief", "救助", "Relief"),
                ("coverage", "组织覆盖", "Coverage"),
                ("rectification", "整改", "Rectification"),
                ("data", "数据", "Data"),
                ("history", "更新记录", "History"),
                ("lookup", "捐赠查询", "Donation lookup"),
            ]
        );
        let statuses: Vec<(&str, &str, &str)> = Status::ALL.into_iter().map(|s| (s.key(), s.zh(), s.en())).collect();
        assert_eq!(
            statuses,
            [
                ("done", "已完成整改", "Rectified"),
                ("in_progress", "正在推进整改", "Rectification in progress"),
                ("not_started", "尚未启动整改", "Rectification not started")
            ]
        );
        for p in Page::ALL {
            assert_eq!(Page::parse(p.key()), Some(p));
            assert_eq!(p.label(Lang::En), p.en());
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Some(s));
            assert_eq!(s.label(Lang::Zh), s.zh());
        }
        // Keys only, exactly: no labels, case or spaces.
        for bad in ["Overview", " data", "概览", "", "Done", "in-progress"] {
            assert_eq!(Page::parse(bad), None, "{bad:?}");
            assert_eq!(Status::parse(bad), None, "{bad:?}");
        }
        assert!(Page::Donations.is_table() && !Page::Data.is_table());
    }

    #[test]
    fn decode_edge_cases() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("a%41"), "aA");
        assert_eq!(decode("%FF"), "\u{fffd}");
    }
}
