//! Every table's columns, for every record type on the shipped data: the declared order (URL
//! keys, labels, kinds, which the CSV, the HTML and the e2e tests depend on), each cell of the
//! kind its column declares, and the CSV and the HTML writing, in each column's place, the
//! record's cell for that very column.

use gongshi_core::coverage::{self, CountyCol, CountyRow};
use gongshi_core::csv::{cell_field, to_csv};
use gongshi_core::ledger::rows::{ledger_rows, LedgerCol, LedgerRow};
use gongshi_core::relief::{self, Aggregate, AggregateCol, ReliefCol, ReliefRecord};
use gongshi_core::table::html::{cell_text, escape_text, rows_html, RowWords};
use gongshi_core::table::{Cell, ColKind, Column, Facet, Record};
use gongshi_core::{ledger, Lang};
use std::path::PathBuf;

fn data(file: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data").join(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn ledger() -> Vec<LedgerRow> {
    let d = ledger::load_donations(&data("donations.json")).unwrap().value;
    let x = ledger::load_disbursements(&data("disbursements.json")).unwrap().value;
    let g = ledger::load_goods(&data("goods.json")).unwrap().value;
    ledger_rows(&d, &x, &g)
}

fn org() -> gongshi_core::org::Organisation {
    gongshi_core::manifest::load(&data("manifest.json")).unwrap().value.organisation.as_ref().clone()
}

fn relief() -> relief::Relief {
    relief::load(&data("relief.json"), &org()).unwrap().value
}

fn counties() -> Vec<CountyRow> {
    coverage::load(&data("coverage.json"), &org()).unwrap().value.counties
}

/// What a record type's table must be: its columns as (key, Chinese label, kind) in order, its
/// facets' keys in order, and the texts allowed in a column of another kind (a withheld cell).
struct Expected<R: Record> {
    columns: &'static [(&'static str, &'static str, ColKind)],
    facets: &'static [&'static str],
    withheld: &'static [(R::Col, &'static str)],
}

fn check<R: Record>(name: &str, rows: &[R], want: Expected<R>) {
    assert!(!rows.is_empty(), "{name}: no rows to check");
    // The declared order, keys, labels and kinds; positions and parsing agree with it.
    let declared: Vec<(&str, &str, ColKind)> = R::Col::ALL.iter().map(|c| (c.key(), c.def().label, c.kind())).collect();
    assert_eq!(declared, want.columns, "{name}: columns");
    for (i, c) in R::Col::ALL.iter().enumerate() {
        assert_eq!(c.index(), i, "{name}: {c:?}");
        assert_eq!(R::Col::parse(c.key()), Some(*c), "{name}: {c:?}");
    }
    assert_eq!(R::Col::parse("bogus"), None);
    let facets: Vec<&str> = R::Facet::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(facets, want.facets, "{name}: facets");
    for (i, f) in R::Facet::ALL.iter().enumerate() {
        assert_eq!(f.index(), i, "{name}: {f:?}");
    }

    // Each cell is of its column's kind (or empty), in both languages.
    for (i, r) in rows.iter().enumerate() {
        for &c in R::Col::ALL {
            let cell = r.cell(c);
            let fits = match cell.kind() {
                None => true,
                Some(k) if k == c.kind() => true,
                Some(_) => want.withheld.iter().any(|(col, text)| *col == c && cell == Cell::Text((*text).into())),
            };
            assert!(fits, "{name} row {i}: {cell:?} in {} ({:?})", c.key(), c.kind());
            assert_eq!(r.cell_lang(c, Lang::Zh), cell, "{name} row {i}: {}: Chinese is the cell itself", c.key());
            let en = r.cell_lang(c, Lang::En);
            assert_eq!(en.kind(), cell.kind(), "{name} row {i}: {}: English {en:?} for {cell:?}", c.key());
            if c.kind() != ColKind::Text {
                assert!(matches!(cell, Cell::Text(_)) || en == cell, "{name} row {i}: {}: numbers are not translated", c.key());
            }
        }
    }

    // The CSV: the header and each line hold, in column i, column i's label and cell.
    let all: Vec<u32> = (0..rows.len() as u32).collect();
    let text = to_csv(rows, &all, &Default::default());
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).from_reader(text.strip_prefix('\u{feff}').unwrap().as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let labels: Vec<String> =
        R::Col::ALL.iter().map(|c| if c.kind() == ColKind::Money { format!("{}（元）", c.def().label) } else { c.def().label.to_string() }).collect();
    assert_eq!(header, labels, "{name}: CSV header");
    let lines: Vec<::csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(lines.len(), rows.len());
    for (i, (r, line)) in rows.iter().zip(&lines).enumerate() {
        assert_eq!(line.len(), R::Col::ALL.len(), "{name} row {i}");
        for (k, &c) in R::Col::ALL.iter().enumerate() {
            // cell_field quotes (and neutralises formulas); the reader gives fields unquoted.
            let field = cell_field(&r.cell(c));
            let field = match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
                Some(quoted) => quoted.replace("\"\"", "\""),
                None => field,
            };
            assert_eq!(&line[k], field, "{name} row {i}: CSV column {k} is not {}'s cell", c.key());
        }
    }

    // The HTML: each row's cells in column order, each carrying its column's key and label and
    // showing that column's cell, in both languages.
    let org = gongshi_core::org::Organisation::default();
    let words = RowWords::new("示例", "更多", &org);
    for lang in [Lang::Zh, Lang::En] {
        for (i, r) in rows.iter().enumerate() {
            let html = rows_html(rows, &[i as u32], lang, words);
            let cells = html_cells(&html);
            assert_eq!(cells.len(), R::Col::ALL.len(), "{name} row {i}: {html}");
            for (&c, (key, label, shown)) in R::Col::ALL.iter().zip(&cells) {
                assert_eq!(*key, c.key(), "{name} row {i}: HTML cells out of column order: {html}");
                let mut want_label = String::new();
                escape_text(lang.pick(c.def().label, c.def().en), &mut want_label);
                assert_eq!(*label, want_label, "{name} row {i}: {}", c.key());
                let mut want_text = String::new();
                escape_text(&cell_text(r.cell_lang(c, lang)), &mut want_text);
                assert_eq!(*shown, want_text, "{name} row {i}: HTML cell {} does not show its column's cell", c.key());
            }
        }
    }
}

/// Each cell of one `<tr>`: (its column key from `class="col-KEY …"`, its `data-label`, its
/// text before any badge or notes list). The row-opening button cell has no column.
fn html_cells(html: &str) -> Vec<(&str, &str, &str)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("class=\"col-") {
        rest = &rest[at + "class=\"col-".len()..];
        let key = &rest[..rest.find([' ', '"']).unwrap()];
        let label_at = rest.find("data-label=\"").unwrap() + "data-label=\"".len();
        rest = &rest[label_at..];
        let label = &rest[..rest.find('"').unwrap()];
        rest = &rest[rest.find('>').unwrap() + 1..];
        let end = ["<span class=\"badge", "<ul class=\"row-notes", "</td>", "</th>"].iter().filter_map(|m| rest.find(m)).min().unwrap();
        out.push((key, label, &rest[..end]));
    }
    out
}

#[test]
fn ledger_columns() {
    use ColKind::*;
    check::<LedgerRow>(
        "ledger",
        &ledger(),
        Expected {
            columns: &[
                ("date", "日期", Date),
                ("party", "捐赠方/接收方", Text),
                ("amount", "金额", Money),
                ("flow", "类型", Text),
                ("project", "项目", Text),
                ("detail", "定向用途/用途/物资", Text),
                ("channel", "渠道", Text),
                ("status", "状态", Text),
                ("receipt", "收据号", Text),
                ("id", "编号", Text),
                ("origin", "来源", Text),
            ],
            facets: &["year", "flow", "donor", "directed", "channel", "status", "origin"],
            withheld: &[],
        },
    );
    let phone: Vec<&str> = LedgerCol::ALL.iter().filter(|c| LedgerRow::on_phone(**c)).map(|c| c.key()).collect();
    assert_eq!(phone, ["date", "party", "amount", "flow", "status"]);
    assert_eq!(LedgerRow::notes_column(), LedgerCol::Party);
}

#[test]
fn relief_columns() {
    use ColKind::*;
    check::<ReliefRecord>(
        "relief",
        &relief().records,
        Expected {
            columns: &[
                ("date", "日期", Date),
                ("recipient", "受助人", Text),
                ("amount", "金额", Money),
                ("goods", "物资", Text),
                ("programme", "救助项目", Text),
                ("county", "县（市、区）", Text),
                ("township", "乡镇（街道）", Text),
                ("status", "状态", Text),
                ("id", "编号", Text),
                ("origin", "来源", Text),
            ],
            facets: &["year", "programme", "county", "status", "origin"],
            withheld: &[],
        },
    );
    let phone: Vec<&str> = ReliefCol::ALL.iter().filter(|c| ReliefRecord::on_phone(**c)).map(|c| c.key()).collect();
    assert_eq!(phone, ["date", "recipient", "amount", "goods", "programme", "county", "status"]);
    assert_eq!(ReliefRecord::notes_column(), ReliefCol::Recipient);
}

#[test]
fn aggregate_columns() {
    use ColKind::*;
    let aggregates = relief().aggregates;
    assert!(aggregates.iter().any(Aggregate::suppressed), "the shipped aggregates include withheld cells");
    check::<Aggregate>(
        "aggregates",
        &aggregates,
        Expected {
            columns: &[
                ("year", "年份", Int),
                ("programme", "救助项目", Text),
                ("county", "县（市、区）", Text),
                ("people", "人数", Text),
                ("amount", "金额", Money),
                ("origin", "来源", Text),
            ],
            facets: &["year", "county"],
            // Small cells are never published: the amount of a withheld cell is this text.
            withheld: &[(AggregateCol::Amount, "不公布")],
        },
    );
    assert_eq!(Aggregate::notes_column(), AggregateCol::Year);
}

#[test]
fn coverage_columns() {
    use ColKind::*;
    check::<CountyRow>(
        "coverage",
        &counties(),
        Expected {
            columns: &[
                ("county", "县（市、区）", Text),
                ("village_cov", "村级覆盖率", Text),
                ("village_units", "村（社区）级组织", Int),
                ("villages", "村（社区）数", Int),
                ("township_units", "乡镇（街道）级组织", Int),
                ("townships", "乡镇（街道）数", Int),
                ("hospital_units", "医院", Int),
                ("school_units", "学校", Int),
                ("other_units", "其他企事业单位", Int),
                ("units", "基层组织合计", Int),
                ("origin", "来源", Text),
            ],
            facets: &["county", "origin"],
            withheld: &[],
        },
    );
    let phone: Vec<&str> = CountyCol::ALL.iter().filter(|c| CountyRow::on_phone(**c)).map(|c| c.key()).collect();
    assert_eq!(phone, ["county", "village_cov", "village_units", "villages"], "no phone columns named: the first four");
}

/// One row of each kind, as the CSV writes it: which field of the record lands in which
/// column (the checks above compare the CSV and the HTML with the cells; these pin the cells).
#[test]
fn one_row_of_each_kind_as_written() {
    use gongshi_core::ledger::rows::Flow;
    let line = |csv: String| csv.lines().nth(1).unwrap().to_string();
    let rows = ledger();
    // The first row of each flow with every column filled that its flow fills.
    let first = |flow: Flow| rows.iter().position(|r| r.flow == flow && !r.detail.is_empty() && (flow != Flow::MoneyIn || r.receipt.is_some())).unwrap() as u32;
    let r = relief();
    let published = r.aggregates.iter().position(|a| a.counts.is_some_and(|(people, _)| people > 0)).unwrap() as u32;
    let withheld = r.aggregates.iter().position(Aggregate::suppressed).unwrap() as u32;
    let records = r.records.iter().position(|x| !x.recipient.is_empty() && x.township.is_some() && x.amount.is_some()).unwrap() as u32;
    let got = [
        line(to_csv(&rows, &[first(Flow::MoneyIn)], &Default::default())),
        line(to_csv(&rows, &[first(Flow::MoneyOut)], &Default::default())),
        line(to_csv(&rows, &[first(Flow::GoodsIn)], &Default::default())),
        line(to_csv(&r.records, &[records], &Default::default())),
        line(to_csv(&r.aggregates, &[published], &Default::default())),
        line(to_csv(&r.aggregates, &[withheld], &Default::default())),
        line(to_csv(&counties(), &[0], &Default::default())),
    ];
    assert_eq!(got, PINNED, "{got:#?}");
}

const PINNED: [&str; 7] = [
    "2019-01-05,咸宁同心竹木制品有限公司,10000.00,捐款收入,博爱送万家,孤寡老人春节慰问,银行转账,已到账,XNHH-2019-000002,D2019-00002,示例数据",
    "2019-01-12,赤壁市富康广告股份有限公司,12357.00,款项支出,项目执行,公益项目宣传推广,,已支出,,X2019-00001,示例数据",
    "2019-07-25,咸宁市长盛置业股份有限公司,4873.00,捐赠物资,捐赠物资,救生衣 50件,,已入库,,G2019-0001,示例数据",
    "2019-01-04,金某,580.00,,临时人道救助,通城县,塘湖镇,已发放,R2019-0001,示例数据",
    "2019,小天使基金（白血病，0–18岁）,崇阳县,6,353000.00,示例数据",
    "2019,小天使基金（白血病，0–18岁）,咸安区,不公布,不公布,示例数据",
    "咸安区,4.3%,8,186,0,13,0,0,0,8,示例数据",
];

/// Sorting by any column is a total order, even where a column mixes kinds: the aggregates'
/// amount holds money and, for a withheld cell, the text 不公布 (std's sort panicked on it
/// before, "does not implement a total order"). Withheld cells sort after the amounts.
#[test]
fn every_column_sorts_mixed_kinds_in_a_total_order() {
    use gongshi_core::table::{run, Sort, TableState};
    let aggregates = relief().aggregates;
    for col in AggregateCol::ALL {
        for descending in [false, true] {
            let state = TableState { sort: Some((col.def().key.to_string(), descending)), ..Default::default() };
            let out = run(&aggregates, &state, Sort { column: AggregateCol::Year, descending: false }, &org());
            assert_eq!(out.rows.len(), aggregates.len(), "{col:?}");
        }
    }
    let state = TableState { sort: Some(("amount".to_string(), false)), ..Default::default() };
    let out = run(&aggregates, &state, Sort { column: AggregateCol::Year, descending: false }, &org());
    let first_withheld = out.rows.iter().position(|i| aggregates[*i as usize].suppressed()).unwrap();
    assert!(out.rows[first_withheld..].iter().all(|i| aggregates[*i as usize].suppressed()), "withheld cells after every amount");

    // The comparison itself: antisymmetric and transitive over cells of every kind.
    let date = |s| Cell::Date(gongshi_core::date::PartialDate::parse(s).unwrap());
    let cells = [
        Cell::Money(gongshi_core::Fen(5)),
        Cell::Text("不公布".into()),
        Cell::Money(gongshi_core::Fen(-9)),
        Cell::Empty,
        Cell::Int(3),
        date("2020-01-02"),
        Cell::Text("a".into()),
        Cell::Int(-1),
        date("2019"),
    ];
    for a in &cells {
        for b in &cells {
            assert_eq!(a.cmp_value(b), b.cmp_value(a).reverse(), "{a:?} {b:?}");
            for c in &cells {
                if a.cmp_value(b).is_le() && b.cmp_value(c).is_le() {
                    assert!(a.cmp_value(c).is_le(), "{a:?} ≤ {b:?} ≤ {c:?}");
                }
            }
        }
    }
}
