//! SVG snapshot tests: the shipped report's progress chart, drawn from deterministic input, must
//! match the stored SVG byte for byte. After an intended change: `UPDATE_SNAPSHOTS=1 cargo test`.

use gongshi_core::chart::{to_svg, NARROW, WIDE};
use gongshi_core::rectification;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(name: &str, svg: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1)", path.display()));
    assert!(want == svg, "{name} differs from its snapshot; if intended, run with UPDATE_SNAPSHOTS=1");
}

#[test]
fn progress_chart_snapshots() {
    let text = std::fs::read_to_string(root().join("../../public/data/rectification.json")).unwrap();
    let r = rectification::load(&text).unwrap().value;
    let chart = r.progress_chart("中共咸宁市红十字会党组关于巡察整改情况的社会公开稿（2023年9月18日）", gongshi_core::Lang::Zh);
    check("progress-wide.svg", &to_svg(&chart, WIDE));
    check("progress-narrow.svg", &to_svg(&chart, NARROW));
}

mod flow {
    use super::check;
    use gongshi_core::chart::{Chart, FlowChart};
    use gongshi_core::ledger::charts::money_flow;
    use gongshi_core::ledger::{rows::ledger_rows, validate_disbursements, validate_donations, Goods, RawDisbursement, RawDonation, RawFile};
    use gongshi_core::Lang;

    /// A year's money, written out: five channels, a refund, the three kinds of spending.
    fn chart(lang: Lang, spent_more: bool) -> FlowChart {
        let gift = |id: &str, fen: i64, channel: &str, status: &str| RawDonation {
            id: Some(id.into()),
            date: Some("2021-03-04".into()),
            donor: Some("某公司".into()),
            donor_kind: Some("enterprise".into()),
            amount_fen: Some(fen.into()),
            directed: Some(false),
            channel: Some(channel.into()),
            project: Some("人道救助".into()),
            status: Some(status.into()),
            origin: Some("sample".into()),
            ..Default::default()
        };
        let paid = |id: &str, fen: i64, category: &str| RawDisbursement {
            id: Some(id.into()),
            date: Some("2021-06".into()),
            purpose: Some("用途".into()),
            project: Some("人道救助".into()),
            recipient: Some("某村".into()),
            amount_fen: Some(fen.into()),
            category: Some(category.into()),
            origin: Some("sample".into()),
            ..Default::default()
        };
        let d = validate_donations(RawFile {
            sample: Some(true),
            records: vec![
                gift("D1", 312_000_000, "bank_transfer", "received"),
                gift("D2", 85_000_050, "online_platform", "received"),
                gift("D3", 26_000_000, "wechat", "received"),
                gift("D4", 4_300_000, "cash", "received"),
                gift("D5", 900_000, "other", "received"),
                gift("D6", 50_000_000, "cash", "refunded"),
            ],
            ..Default::default()
        });
        let scale = if spent_more { 2 } else { 1 };
        let x = validate_disbursements(RawFile {
            sample: Some(true),
            records: vec![paid("X1", 251_000_000 * scale, "aid"), paid("X2", 4_200_000 * scale, "project_cost"), paid("X3", 1_800_000 * scale, "management")],
            ..Default::default()
        });
        assert!(d.findings.is_empty() && x.findings.is_empty());
        let rows = ledger_rows(&d.value, &x.value, &Goods::default());
        let idx: Vec<u32> = (0..rows.len() as u32).collect();
        let source = match lang {
            Lang::Zh => "来源：某慈善组织 捐赠收入、支出（数据截至 2021-12-31）",
            Lang::En => "Source: a charity's donations and disbursements (data as of 2021-12-31)",
        };
        let c = money_flow(&rows, &idx, source, lang);
        assert!(c.imbalances().is_empty());
        c
    }

    #[test]
    fn flow_chart_snapshots() {
        let zh = Chart::Flow(chart(Lang::Zh, false));
        check("flow-390.svg", &zh.to_svg(390));
        check("flow-640.svg", &zh.to_svg(640));
        check("flow-960.svg", &zh.to_svg(960));
        let en = Chart::Flow(chart(Lang::En, true));
        check("flow-spent-more-en-390.svg", &en.to_svg(390));
        check("flow-spent-more-en-960.svg", &en.to_svg(960));
    }
}
