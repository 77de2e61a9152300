//! The shell: header, navigation, the current page, footer.

use crate::components::ViewLink;
use crate::nav::{use_nav, Nav};
use crate::routes::{coverage::CoveragePage, data::DataPage, donations::DonationsPage, overview::Overview, relief::ReliefPage, rectification::RectificationPage};
use crate::state::{use_data, Data, Load};
use gongshi_core::view::{Embed, Page, View};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let data = Data::new();
    provide_context(data);
    data.load_all();
    let nav = Nav::install();
    provide_context(nav);

    let page = Memo::new(move |_| nav.view.with(|v| v.page));
    let embed = Memo::new(move |_| nav.view.with(|v| v.embed.clone()));
    crate::embed::install(embed);
    let data_updated = RwSignal::new(false);
    crate::offline::install(data_updated);
    let printing = crate::state::Printing::install();
    provide_context(printing);
    let main = move || match page.get() {
        Page::Overview => view! { <Overview /> }.into_any(),
        Page::Rectification => view! { <RectificationPage /> }.into_any(),
        Page::Donations => view! { <DonationsPage /> }.into_any(),
        Page::Relief => view! { <ReliefPage /> }.into_any(),
        Page::Coverage => view! { <CoveragePage /> }.into_any(),
        Page::Data => view! { <DataPage /> }.into_any(),
    };
    view! {
        <Show when=move || embed.with(|e| *e == Embed::None) fallback=move || view! { <EmbedBar /> }>
            <a class="skip" href="#main">"跳到正文"</a>
            <Header />
        </Show>
        {move || data_updated.get().then(|| view! {
            <div class="notice update" role="status">
                "数据已更新。"
                <button type="button" class="btn small" on:click=move |_| { let _ = web_sys::window().map(|w| w.location().reload()); }>"刷新查看"</button>
            </div>
        })}
        <main id="main" tabindex="-1">{main}</main>
        <Show when=move || embed.with(|e| *e == Embed::None)>
            <Footer />
        </Show>
    }
}

#[component]
fn Header() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let org = move || {
        data.manifest.with(|m| m.value().map(|m| m.organisation.name.clone())).unwrap_or_else(|| "咸宁市红十字会".to_string())
    };
    let updated = move || match data.manifest.get() {
        Load::Ready { value, .. } => value.last_updated().map(|d| format!("数据更新于 {}", d.zh())).unwrap_or_default(),
        Load::Idle | Load::Loading => String::new(),
        Load::Failed(_) => "数据目录（manifest.json）无法读取".to_string(),
    };
    view! {
        <header class="site">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <div>
                    <h1>{org}<span class="sub">" 信息公开"</span></h1>
                    <p class="updated">{updated}</p>
                </div>
            </div>
            <nav aria-label="主导航">
                <ul>
                    {Page::ALL
                        .into_iter()
                        .map(|p| {
                            let current = Signal::derive(move || nav.view.with(|v| v.page == p));
                            view! { <li><ViewLink view=View::page(p) current=current class="tab">{p.zh()}</ViewLink></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// In an embed: who publishes, and a link to the full view (opens outside the host page).
#[component]
fn EmbedBar() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let org = move || data.manifest.with(|m| m.value().map(|m| m.organisation.name.clone())).unwrap_or_else(|| "咸宁市红十字会".to_string());
    let full = move || crate::nav::absolute_href(&nav.view.with(|v| v.embedded(Embed::None)));
    view! {
        <div class="embed-bar">
            <span>{org}" 信息公开"</span>
            <a href=full target="_blank" rel="noopener">"在完整页面查看 ↗"</a>
        </div>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site">
            <p>"本站只公开已发布的文件和数据，不收集任何个人信息。标注“示例数据”的记录为演示用生成数据，不是真实记录。"</p>
            <p><a href="?page=data">"数据下载与引用"</a>" · "<a href="data/manifest.json">"数据目录（JSON）"</a></p>
        </footer>
    }
}
