//! Component tests in headless Chromium (wasm-bindgen-test): `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use gongshi::components::{ChartView, FacetGroup, FacetOption, Highlighted};
use gongshi_core::chart::{Bar, BarChart, Chart, GREEN};
use gongshi_core::search::Query;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, sel: &str) -> Vec<String> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
fn facet_group_shows_counts_and_reports_each_toggle() {
    let owner = Owner::new();
    owner.set();
    let root = host();
    let clicked = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = clicked.clone();
    let on_toggle = Callback::new(move |k: String| sink.lock().unwrap().push(k));
    let options = vec![
        FacetOption { key: "1".into(), label: "一、学习".into(), count: 12, selected: false },
        FacetOption { key: "2".into(), label: "二、作风".into(), count: 3, selected: true },
        FacetOption { key: "3".into(), label: "三、班子".into(), count: 0, selected: false },
    ];
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <FacetGroup legend="方面" options=options on_toggle=on_toggle /> });

    assert_eq!(texts(&root, "legend"), vec!["方面"]);
    assert_eq!(texts(&root, ".count"), vec!["12", "3", "0"]);
    let input = |key: &str| -> web_sys::HtmlInputElement { root.query_selector(&format!("[data-key='{key}'] input")).unwrap().unwrap().unchecked_into() };
    assert!(input("2").checked(), "selected option is checked");
    assert!(!input("1").checked());
    assert!(input("3").disabled(), "an option that would show nothing is disabled");

    input("1").click();
    input("2").click();
    input("3").click(); // disabled: no event
    assert_eq!(*clicked.lock().unwrap(), vec!["1".to_string(), "2".to_string()]);
}

#[wasm_bindgen_test]
fn highlighted_marks_matches_and_keeps_markup_inert() {
    let root = host();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        view! { <p><Highlighted text="<b>网络募捐</b>为零，募捐" query=Query::new("募捐") /></p> }
    });
    assert_eq!(texts(&root, "mark"), vec!["募捐", "募捐"]);
    assert!(root.query_selector("b").unwrap().is_none(), "data text must never become markup");
    assert!(root.inner_html().contains("&lt;b&gt;"));
}

#[wasm_bindgen_test]
fn bar_chart_has_image_text_alternative_and_download() {
    let root = host();
    let chart = BarChart {
        title: "巡察整改进度".into(),
        subtitle: "21 个问题".into(),
        source: "来源：测试".into(),
        sample: false,
        bars: vec![
            Bar { label: "已完成整改".into(), value: 21, value_label: "21 个（100%）".into(), color: GREEN },
            Bar { label: "尚未启动整改".into(), value: 0, value_label: "0 个（0%）".into(), color: GREEN },
        ],
        lang: Default::default(),
    };
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        leptos::context::provide_context(gongshi::nav::Nav { view: RwSignal::new(Default::default()), pages: &gongshi_core::view::Page::ALL });
        leptos::context::provide_context(gongshi::i18n::UiLang(Signal::stored(Default::default())));
        view! { <ChartView chart=Chart::Bars(chart) id="t" file_stem="进度" dataset="rectification" /> }
    });
    let img: web_sys::HtmlImageElement = root.query_selector("img").unwrap().unwrap().unchecked_into();
    assert!(img.alt().contains("已完成整改 21 个（100%）"), "{}", img.alt());
    assert!(img.src().starts_with("data:image/svg+xml"));
    assert_eq!(texts(&root, "tbody th"), vec!["已完成整改", "尚未启动整改"]);
    assert_eq!(texts(&root, "tbody td"), vec!["21 个（100%）", "0 个（0%）"]);
    let a: web_sys::HtmlAnchorElement = root.query_selector("a[download]").unwrap().unwrap().unchecked_into();
    assert_eq!(a.download(), "进度.svg");
    assert_eq!(texts(&root, ".chart-source"), vec!["来源：测试"], "the source line shows under the chart");
    let buttons = texts(&root, ".chart-tools button");
    assert!(buttons.contains(&"PNG".to_string()) && buttons.contains(&"数据".to_string()) && buttons.contains(&"嵌入".to_string()), "{buttons:?}");
}
