//! The data the app ships with validates cleanly and says what the seed says.

use gongshi_core::figures::{self, Value};
use gongshi_core::rectification::{self, Status};
use gongshi_core::table::TableState;
use gongshi_core::{manifest, Fen};
use std::path::PathBuf;

fn data(file: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn rectification_has_21_problems_in_3_aspects_and_no_diagnostics() {
    let c = rectification::load(&data("rectification.json")).expect("parses");
    assert!(c.findings.is_empty(), "{:#?}", c.findings);
    let r = c.value;
    assert_eq!(r.problems.len(), 21);
    assert_eq!(r.aspects.len(), 3);
    assert_eq!(r.problems.iter().map(|p| p.no).collect::<Vec<_>>(), (1..=21).collect::<Vec<_>>());
    let per_aspect: Vec<usize> = (1..=3).map(|a| r.problems.iter().filter(|p| p.aspect == a).count()).collect();
    assert_eq!(per_aspect, vec![12, 3, 6]);
    assert_eq!(r.status_counts()[&Status::Done], 21);
    assert_eq!(r.declared.items, Some(11));
    assert_eq!(r.problem(1).unwrap().title, "理论学习不够到位");
    assert_eq!(r.problem(14).unwrap().title, "捐赠款使用不规范");
    assert!(r.problems.iter().all(|p| !p.measures.is_empty()));
    assert_eq!(r.inspection.start.unwrap().to_string(), "2022-07-08");
    assert_eq!(r.published.unwrap().to_string(), "2023-09-18");
    assert_eq!(r.next_steps.len(), 3);
}

#[test]
fn a_word_from_one_problem_finds_only_that_problem() {
    let r = rectification::load(&data("rectification.json")).unwrap().value;
    for (word, no) in [("手套", 9), ("公车运行维护费", 15), ("腾讯公益", 7), ("保密", 12)] {
        let o = r.run(&TableState { query: word.into(), ..Default::default() });
        let hits: Vec<u32> = o.rows.iter().map(|i| r.problems[*i as usize].no).collect();
        assert_eq!(hits, vec![no], "{word}");
    }
}

#[test]
fn figures_validate_and_hold_the_seed_numbers() {
    let c = figures::load(&data("figures.json")).expect("parses");
    assert!(c.findings.is_empty(), "{:#?}", c.findings);
    let f = c.value;
    assert!(f.figures.len() >= 40, "{}", f.figures.len());
    let money: Vec<Fen> = f
        .figures
        .iter()
        .filter_map(|x| match x.value {
            Value::Money(m) => Some(m),
            _ => None,
        })
        .collect();
    assert!(money.contains(&Fen::from_yuan(12_824_000)), "1282.4万元 raised");
    assert!(money.contains(&Fen::from_yuan(396_700)), "2021 non-directed 39.67万元");
    assert!(money.contains(&Fen::from_yuan(16_200)), "over the cap by 1.62万元");
    assert!(f.figures.iter().any(|x| x.value == Value::PercentBp(442) && x.problem == Some(7)));
    assert!(f.figures.iter().any(|x| x.value == Value::PercentBp(350) && x.problem == Some(3)));
    assert!(f.key_figures().count() >= 6);
    // Every figure names where it comes from.
    assert!(f.figures.iter().all(|x| !x.quote.is_empty() && (x.problem.is_some() || !x.section.is_empty())));
}

#[test]
fn cost_cap_reconciles_with_the_seed() {
    let f = figures::load(&data("figures.json")).unwrap().value;
    let find = |yuan: i64| f.figures.iter().any(|x| x.problem == Some(14) && x.value == Value::Money(Fen::from_yuan(yuan)));
    assert!(find(396_700) && find(25_800) && find(42_000) && find(16_200));
    // 39.67万 × 6.5% = 2.578万, which the seed rounds to 2.58万; 4.2 − 2.58 = 1.62.
    let cap = Fen::from_yuan(396_700).percent_bp(650);
    assert_eq!(gongshi_core::format::money_zh(cap), "2.58万元");
    assert_eq!(Fen::from_yuan(42_000) - Fen::from_yuan(25_800), Fen::from_yuan(16_200));
}

#[test]
fn manifest_lists_every_shipped_file() {
    let c = manifest::load(&data("manifest.json")).expect("parses");
    assert!(c.findings.is_empty(), "{:#?}", c.findings);
    for d in &c.value.datasets {
        let text = data(&d.file);
        assert!(!text.is_empty(), "{}", d.file);
    }
    let r = c.value.dataset("rectification").unwrap();
    assert!(!r.sample);
    assert_eq!(r.records, Some(21));
}

#[test]
fn core_crate_names_no_browser_crate() {
    let toml = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for line in toml.lines() {
        let name = line.split('=').next().unwrap_or("").trim();
        for banned in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"] {
            assert!(!name.starts_with(banned), "core depends on {name}");
        }
    }
}

mod ledger_data {
    use super::data;
    use gongshi_core::ledger::rows::{ledger_rows, totals, Flow, LedgerCol, LedgerFacet, LedgerRow, RowStatus, Tally};
    use gongshi_core::ledger::{self, GoodsFlag};
    use gongshi_core::table::{run, Column, Facet, FacetValue, Record, Sort, TableState};
    use gongshi_core::{csv, Fen};

    const SORT: Sort<LedgerCol> = Sort { column: LedgerCol::Date, descending: true };

    fn rows() -> Vec<LedgerRow> {
        let d = ledger::load_donations(&data("donations.json")).unwrap();
        let x = ledger::load_disbursements(&data("disbursements.json")).unwrap();
        let g = ledger::load_goods(&data("goods.json")).unwrap();
        for c in [&d.findings, &x.findings, &g.findings] {
            assert!(c.is_empty(), "{c:?}");
        }
        assert!(ledger::check_cross(&d.value, &x.value).is_empty());
        ledger_rows(&d.value, &x.value, &g.value)
    }

    #[test]
    fn real_goods_records_carry_the_reports_findings() {
        let rows = rows();
        let real: Vec<&LedgerRow> = rows.iter().filter(|r| !r.is_sample()).collect();
        assert_eq!(real.len(), 3, "the report's three goods batches");
        let packs = real.iter().find(|r| r.detail.contains("家庭包")).unwrap();
        assert_eq!(packs.amount, Fen::from_yuan(39_000));
        assert_eq!(packs.flags(), [GoodsFlag::NoOutgoing], "problem 8: no outgoing record");
        let gloves = real.iter().find(|r| r.detail.contains("手套")).unwrap();
        assert_eq!(gloves.status, RowStatus::GoodsCancelled);
        assert!(gloves.flags().is_empty(), "cancelled and written off");
        assert!(rows.iter().filter(|r| r.is_sample()).all(|r| r.flags().is_empty()), "sample data invents no findings");
    }

    #[test]
    fn filtered_totals_equal_an_independent_sum_and_facet_counts_select_their_rows() {
        let rows = rows();
        let mut st = TableState { query: "防汛".into(), ..Default::default() };
        st.toggle("year", "2020");
        let o = run(&rows, &st, SORT, &gongshi_core::org::Organisation::default());
        assert!(!o.rows.is_empty());
        let t = totals(&rows, &o.rows);
        let independent: i64 = rows
            .iter()
            .filter(|r| r.date.year == 2020 && r.flow == Flow::MoneyIn && r.status == RowStatus::Received)
            .filter(|r| [&*r.party, &*r.project, &*r.detail].iter().any(|s| s.contains("防汛")))
            .map(|r| r.amount.0)
            .sum();
        assert_eq!(t.money_in.0, independent);
        for fc in &o.facets {
            for &FacetValue { code, count: n, selected } in &fc.values {
                if selected {
                    continue;
                }
                let f = LedgerFacet::ALL.iter().copied().find(|d| d.key() == fc.facet.key).unwrap();
                let mut s2 = st.clone();
                s2.facets.insert(fc.facet.key.to_string(), [LedgerRow::facet_key(f, code, &gongshi_core::org::Organisation::default())].into());
                assert_eq!(run(&rows, &s2, SORT, &gongshi_core::org::Organisation::default()).rows.len(), n, "{}={code}", fc.facet.key);
            }
        }
    }

    /// The flow chart of any filter adds up to the ledger to the fen: the sources to the money
    /// received (refunds and cancellations not being income), the uses to the money spent, and
    /// every node to its links, with the unspent balance (or what was drawn from other
    /// balances) making up the difference. Summed here from the validated files themselves.
    #[test]
    fn the_money_flow_adds_up_to_the_ledger_to_the_fen() {
        use gongshi_core::ledger::charts::money_flow;
        let rows = rows();
        let d = ledger::load_donations(&data("donations.json")).unwrap().value;
        let x = ledger::load_disbursements(&data("disbursements.json")).unwrap().value;
        let org = gongshi_core::org::Organisation::default();
        let mut states = vec![TableState::default()];
        for year in ["2019", "2020", "2021", "2022", "2023"] {
            let mut st = TableState::default();
            st.toggle("year", year);
            states.push(st);
        }
        for (facet, key) in [("directed", "yes"), ("directed", "no"), ("flow", "money_out"), ("channel", "cash")] {
            let mut st = TableState::default();
            st.toggle(facet, key);
            states.push(st);
        }
        states.push(TableState { query: "防汛".into(), ..Default::default() });
        let mut drawn_seen = false;
        for st in &states {
            let o = run(&rows, st, SORT, &org);
            let chosen: std::collections::BTreeSet<&str> = o.rows.iter().map(|i| rows[*i as usize].id.as_str()).collect();
            let money_in: i64 = d.iter().filter(|g| g.counts() && chosen.contains(g.id.as_str())).map(|g| g.amount.0).sum();
            let money_out: i64 = x.iter().filter(|p| chosen.contains(p.id.as_str())).map(|p| p.amount.0).sum();
            let c = money_flow(&rows, &o.rows, "src", gongshi_core::Lang::Zh);
            assert!(c.imbalances().is_empty(), "{st:?}: {:?}", c.imbalances());
            let col = |k: usize| c.column(k).map(|(_, n)| n.value.0).sum::<i64>();
            let node = |prefix: &str| c.nodes.iter().find(|n| n.label.starts_with(prefix)).map_or(0, |n| n.value.0);
            let (unspent, drawn) = (node("未使用"), node("动用其他结余"));
            assert_eq!(col(0) - drawn, money_in, "{st:?}: the sources are the money received");
            assert_eq!(col(2) - unspent, money_out, "{st:?}: the uses are the money spent");
            assert_eq!(unspent - drawn, money_in - money_out, "{st:?}: the balance");
            assert!(unspent == 0 || drawn == 0);
            for cat in ledger::Category::ALL {
                let want: i64 = x.iter().filter(|p| p.category == cat && chosen.contains(p.id.as_str())).map(|p| p.amount.0).sum();
                assert_eq!(node(cat.zh()), want, "{st:?}: {cat:?}");
            }
            for ch in ledger::Channel::ALL {
                let want: i64 = d.iter().filter(|g| g.counts() && g.channel == ch && chosen.contains(g.id.as_str())).map(|g| g.amount.0).sum();
                assert_eq!(node(ch.zh()), want, "{st:?}: {ch:?}");
            }
            let drawn_rows =
                o.rows.iter().map(|i| &rows[*i as usize]).filter(|r| r.flow == Flow::MoneyOut || (r.flow == Flow::MoneyIn && r.status == RowStatus::Received));
            assert_eq!(c.sample, drawn_rows.clone().any(|r| r.is_sample()), "{st:?}: sample exactly when a drawn row is");
            assert!(drawn_rows.count() > 0, "{st:?} selects some money");
            drawn_seen |= drawn > 0;
        }
        assert!(drawn_seen, "some filter (disbursements only) spends more than it received");
        let all = money_flow(&rows, &(0..rows.len() as u32).collect::<Vec<_>>(), "src", gongshi_core::Lang::Zh);
        assert!(all.column(0).count() >= 3 && all.column(2).count() >= 3, "{:?}", all.nodes);
    }

    /// The flow by project likewise: every project named on a side has exactly the money given
    /// to it (or spent on it), 其他项目 the rest of the side, to the fen; at most
    /// `FLOW_PROJECTS` projects are named, one colour each on both sides.
    #[test]
    fn the_money_flow_by_project_adds_up_to_the_ledger_to_the_fen() {
        use gongshi_core::ledger::charts::{money_flow_by_project, FLOW_PROJECTS};
        let rows = rows();
        let d = ledger::load_donations(&data("donations.json")).unwrap().value;
        let x = ledger::load_disbursements(&data("disbursements.json")).unwrap().value;
        let org = gongshi_core::org::Organisation::default();
        let mut states = vec![TableState::default(), TableState { query: "防汛".into(), ..Default::default() }];
        for year in ["2019", "2020", "2021", "2022", "2023"] {
            let mut st = TableState::default();
            st.toggle("year", year);
            states.push(st);
        }
        for st in &states {
            let o = run(&rows, st, SORT, &org);
            let chosen: std::collections::BTreeSet<&str> = o.rows.iter().map(|i| rows[*i as usize].id.as_str()).collect();
            let c = money_flow_by_project(&rows, &o.rows, "src", gongshi_core::Lang::Zh);
            assert!(c.imbalances().is_empty(), "{st:?}: {:?}", c.imbalances());
            for (column, given) in [(0usize, true), (2, false)] {
                let mut per: std::collections::BTreeMap<&str, i64> = Default::default();
                if given {
                    for g in d.iter().filter(|g| g.counts() && chosen.contains(g.id.as_str())) {
                        *per.entry(&*g.project).or_default() += g.amount.0;
                    }
                } else {
                    for p in x.iter().filter(|p| chosen.contains(p.id.as_str())) {
                        *per.entry(&*p.project).or_default() += p.amount.0;
                    }
                }
                let nodes: Vec<_> =
                    c.column(column).map(|(_, n)| n).filter(|n| !n.label.starts_with("未使用") && !n.label.starts_with("动用其他结余")).collect();
                let named: Vec<_> = nodes.iter().filter(|n| n.label != "其他项目").collect();
                assert!(named.len() <= FLOW_PROJECTS, "{st:?}");
                for n in &named {
                    assert_eq!(Some(&n.value.0), per.get(n.label.as_str()), "{st:?}: {}", n.label);
                }
                let rest: i64 = per.iter().filter(|(p, _)| !named.iter().any(|n| n.label == **p)).map(|(_, v)| v).sum();
                let other = nodes.iter().find(|n| n.label == "其他项目").map_or(0, |n| n.value.0);
                assert_eq!(other, rest, "{st:?}: 其他项目 is the rest of column {column}");
            }
        }
        // One colour per project on both sides.
        let all = money_flow_by_project(&rows, &(0..rows.len() as u32).collect::<Vec<_>>(), "src", gongshi_core::Lang::Zh);
        let mut both = 0;
        for a in all.column(0).map(|(_, n)| n) {
            if let Some(b) = all.column(2).map(|(_, n)| n).find(|b| b.label == a.label && a.label != "其他项目") {
                assert_eq!(a.color, b.color, "{}", a.label);
                both += 1;
            }
        }
        assert!(both >= 3, "projects named on both sides: {both}");
        assert!(all.column(0).any(|(_, n)| n.label == "其他项目"), "the shipped ledger has more than {FLOW_PROJECTS} projects");
    }

    #[test]
    fn table_html_marks_sample_rows_and_shows_flags() {
        let rows = rows();
        let packs = rows.iter().position(|r| r.flags().contains(&GoodsFlag::NoOutgoing)).unwrap() as u32;
        let sample = rows.iter().position(|r| r.is_sample()).unwrap() as u32;
        let html = gongshi_core::table::html::rows_html(
            &rows,
            &[packs, sample],
            gongshi_core::i18n::Lang::Zh,
            gongshi_core::table::html::RowWords::new("示例", "更多", &Default::default()),
        );
        let (real, sampled) = html.split_at(html.find("</tr>").unwrap() + 5);
        assert!(real.starts_with("<tr><th scope=\"row\" class=\"col-date\" data-label=\"日期\">") && real.contains("<li class=\"flag\">⚠ "), "{real}");
        assert!(!real.contains("示例"));
        assert!(sampled.starts_with("<tr class=\"sample\">") && sampled.contains("<span class=\"badge sample\">示例</span>"), "{sampled}");
        // Every column but the row header is a cell, plus the phone's open-the-row button.
        assert_eq!(html.matches("<td").count(), 2 * LedgerCol::ALL.len());
    }

    /// A search spelled in pinyin finds only rows that show why: each has a mark, in English
    /// too (where the app's own words are translated). "zhang" once found every 银行转账
    /// (bank transfer) row, through 账, with nothing marked in English.
    #[test]
    fn every_row_a_spelled_search_finds_shows_what_it_spells() {
        use gongshi_core::i18n::Lang;
        use gongshi_core::index::Index;
        use gongshi_core::table::html::{rows_html_spans, RowWords};
        let rows = rows();
        let table = std::fs::read_to_string(format!("{}/../../public/pinyin.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let table = std::sync::Arc::new(gongshi_core::pinyin::Table::parse(&table).unwrap());
        let index = Index::build(&rows);
        index.attach_pinyin(table.clone());
        let org = Default::default();
        let bank = rows.iter().filter(|r| matches!(r.cell(LedgerCol::Channel), gongshi_core::table::Cell::Text(t) if t == "银行转账")).count();
        assert!(bank > 100, "{bank} bank transfers");
        for term in ["zhang", "zz", "zhuanzhang", "yh", "xianning", "xn", "wang", "hb", "kz", "jz", "zj", "xs", "ls"] {
            let state = TableState { query: term.to_string(), ..Default::default() };
            let found = index.run(&rows, &state, SORT, &org).rows;
            assert!(!found.is_empty() || matches!(term, "zz" | "zhuanzhang"), "{term} finds rows");
            let q = gongshi_core::search::Query::new(term);
            let html = rows_html_spans(&rows, &found, Lang::En, RowWords { mark: Some((&q, Some(&table))), ..RowWords::new("Sample", "More", &org) });
            for (r, i) in html.rows.iter().zip(&found) {
                assert!(
                    html.html[r.range.clone()].contains("<mark>"),
                    "{term}: row {} ({}) shows no mark",
                    i,
                    gongshi_core::table::html::cell_text(rows[*i as usize].cell(LedgerCol::Id))
                );
            }
            // In Chinese, the app's own words (a channel's name) are not marked as spelled.
            let zh = rows_html_spans(&rows, &found, Lang::Zh, RowWords { mark: Some((&q, Some(&table))), ..RowWords::new("示例", "更多", &org) });
            for k in 0..found.len() {
                for c in [LedgerCol::Channel, LedgerCol::Status, LedgerCol::Flow] {
                    assert!(!zh.cell(k, c.index()).contains("<mark>"), "{term}: {}", zh.cell(k, c.index()));
                }
            }
            if term == "zhang" {
                assert!(found.len() < bank / 4, "zhang: {} rows (bank transfers {bank})", found.len());
            }
        }
    }

    #[test]
    fn packed_totals_equal_the_row_by_row_totals() {
        let rows = rows();
        let tally = Tally::build(&rows);
        let all: Vec<u32> = (0..rows.len() as u32).collect();
        let kinds = |idx: &[u32]| idx.iter().map(|i| (rows[*i as usize].flow, rows[*i as usize].status)).collect::<std::collections::BTreeSet<_>>().len();
        assert!(kinds(&all) >= 5, "the shipped ledger has received, refunded, paid, in-stock and cancelled rows");
        for q in ["", "防汛", "2020", "口罩", "腾讯公益", "no such text"] {
            let o = run(&rows, &TableState { query: q.into(), ..Default::default() }, SORT, &gongshi_core::org::Organisation::default());
            assert_eq!(tally.totals(&o.rows), totals(&rows, &o.rows), "{q}");
        }
        let odd: Vec<u32> = all.iter().copied().filter(|i| i % 3 == 1).collect();
        assert_eq!(tally.totals(&odd), totals(&rows, &odd));
        assert!(totals(&rows, &all).sample_rows > 0 && totals(&rows, &all).sample_rows < rows.len());
        assert_eq!(tally.sample_rows(), rows.iter().filter(|r| r.is_sample()).count());
    }

    #[test]
    fn csv_holds_exactly_the_filtered_rows() {
        let rows = rows();
        let st = TableState { query: "腾讯公益".into(), ..Default::default() };
        let o = run(&rows, &st, SORT, &gongshi_core::org::Organisation::default());
        let text = csv::to_csv(&rows, &o.rows, &Default::default());
        let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines.len(), o.rows.len() + 1);
        assert!(lines[1..].iter().all(|l| l.contains("网络募捐平台")));
        let sum: i64 = lines[1..]
            .iter()
            .map(|l| {
                let money = l.split(',').nth(2).unwrap();
                let (y, f) = money.split_once('.').unwrap();
                y.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap()
            })
            .sum();
        assert_eq!(sum, o.rows.iter().map(|i| rows[*i as usize].amount.0).sum::<i64>());
    }
}

/// The organisation's channels (the footer's) are the ones the report invites the public to use,
/// and they make working links.
#[test]
fn the_organisations_channels_are_the_reports() {
    let m = manifest::load(&data("manifest.json")).expect("parses").value;
    let r = rectification::load(&data("rectification.json")).unwrap().value;
    let org = &m.organisation;
    assert_eq!(org.phone, r.contact.phone);
    assert_eq!(org.email, r.contact.email);
    assert_eq!(org.address, r.contact.address);
    assert_eq!(org.postcode, r.contact.postcode);
    assert_eq!(gongshi_core::feedback::tel(org.phone.as_deref().unwrap()).as_deref(), Some("tel:0715-8111755"));
    assert!(gongshi_core::feedback::mailto(org.email.as_deref().unwrap(), "s", "b").is_some());
}
