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
