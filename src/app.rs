//! The shell: header, navigation, the current page, footer.

use crate::components::ViewLink;
use crate::i18n::{tr, use_tr};
use crate::nav::{use_nav, Nav};
use crate::routes::Routes;
use crate::state::{use_data, Data, Load};
use gongshi_core::view::{Embed, Page, View};
use leptos::prelude::*;

/// The shell around `routes`, the pages this build draws.
#[component]
pub fn App(routes: Routes) -> impl IntoView {
    let data = Data::new(routes.reads);
    provide_context(data);
    data.load_all();
    let nav = Nav::install(routes.pages);
    provide_context(nav);

    let page = Memo::new(move |_| nav.view.with(|v| v.page));
    let embed = Memo::new(move |_| nav.view.with(|v| v.embed.clone()));
    crate::embed::install(embed);
    let data_updated = RwSignal::new(false);
    // The per-visit check of the data against the latest release: what did not match.
    let history_alarm = RwSignal::new(None::<String>);
    crate::offline::install(data_updated);
    let printing = crate::state::Printing::install();
    provide_context(printing);
    let lang = Memo::new(move |_| nav.view.with(|v| v.lang));
    provide_context(crate::i18n::UiLang(lang.into()));
    let large = Memo::new(move |_| nav.view.with(|v| v.large));
    // The document title: the page and the organisation, whose name comes from the data.
    let title = Memo::new(move |_| {
        let t = tr(lang.get());
        let (org, own) = data.manifest.with(|m| match m.value() {
            Some(m) => (Some(m.organisation.name_in(t.lang).to_string()), m.organisation.site_title_in(t.lang).map(String::from)),
            None => (None, None),
        });
        t.page_title(page.get(), org.as_deref(), own.as_deref())
    });
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title.get());
        }
    });
    Effect::new(move |_| {
        let on = large.get();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.class_list().toggle_with_force("large-text", on);
        }
    });
    // The organisation's accent colour, when it gives one readable on white (the manifest's
    // check refuses others): the stylesheet's red and its darker shade follow it.
    Effect::new(move |_| {
        let accent = data.manifest.with(|m| m.value().and_then(|m| m.organisation.accent.clone()));
        let Some(rgb) = accent.as_deref().and_then(gongshi_core::org::parse_hex).filter(|c| gongshi_core::org::contrast_on_white(*c) >= 4.5) else { return };
        let dark = rgb.map(|c| (u16::from(c) * 78 / 100) as u8);
        let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
                let _ = el.style().set_property("--red", &hex(rgb));
                let _ = el.style().set_property("--red-dark", &hex(dark));
            }
        }
    });
    // The app takes the place of the page's prerendered first view (if one shows) once what
    // the page asked for is in: its data, so the same markup, and nothing moves.
    let revealed = StoredValue::new(false);
    Effect::new(move |_| {
        if !revealed.get_value() && data.settled() {
            revealed.set_value(true);
            // After this render has reached the DOM.
            leptos::task::spawn_local(async { crate::prerender::reveal() });
            // Then, on every visit: is the data on this site the latest release's? (Three small
            // files, read afresh; the history page checks the whole chain.)
            let l = lang.get_untracked();
            leptos::task::spawn_local(async move {
                history_alarm.set(crate::routes::history::check_visit(l).await);
                crate::perf::mark("gongshi:history-checked", None);
            });
        }
    });
    // A page this build does not draw is being loaded as its own document (`Nav::go`).
    let main = move || {
        let p = page.get();
        if nav.draws(p) {
            (routes.render)(p)
        } else {
            ().into_any()
        }
    };
    // A language switch rebuilds the whole shell and page, so every string is read afresh (and
    // so does the text size: every link then carries it).
    move || {
        let t = tr(lang.get());
        large.track();
        view! {
        <Show when=move || embed.with(|e| *e == Embed::None) fallback=move || view! { <EmbedBar /> }>
            <a class="skip" href="#main">{t.skip}</a>
            <Header />
        </Show>
        {move || history_alarm.get().map(|why| view! {
            <div class="notice history-alarm" role="alert">
                <strong>{t.history_alarm}</strong>" "{why}" "
                <a href=crate::nav::href(&View::page_in(Page::History, t.lang))>{Page::History.label(t.lang)}</a>
            </div>
        })}
        {move || data_updated.get().then(|| view! {
            <div class="notice update" role="status">
                {t.data_updated}
                <button type="button" class="btn small" on:click=move |_| { let _ = web_sys::window().map(|w| w.location().reload()); }>{t.reload_to_see}</button>
            </div>
        })}
        <main id="main" tabindex="-1">{main}</main>
        <Show when=move || embed.with(|e| *e == Embed::None)>
            <crate::components::ViewQr />
            <Footer />
        </Show>
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = use_tr();
    // No name until the manifest (the data) gives it: nothing about one organisation is built in.
    let org = move || data.manifest.with(|m| m.value().map(|m| org_name(&m.organisation, t.lang))).unwrap_or_default();
    let short = move || {
        data.manifest.with(|m| {
            m.value().and_then(|m| {
                let o = &m.organisation;
                let given = match t.lang {
                    gongshi_core::Lang::Zh => o.short_name.as_deref(),
                    gongshi_core::Lang::En => o.short_name_en.as_deref(),
                };
                given.filter(|s| !s.trim().is_empty()).map(String::from)
            })
        })
    };
    let updated = move || match data.manifest.get() {
        Load::Ready { value, .. } => value.last_updated().map(|d| t.updated_on(d)).unwrap_or_default(),
        Load::Idle | Load::Loading | Load::Unpublished => String::new(),
        Load::Failed(_) => t.manifest_failed.to_string(),
    };
    let other = t.lang.other();
    let switch_href = move || crate::nav::href(&nav.view.with(|v| View { lang: other, ..v.clone() }));
    let switch = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        nav.edit_push(|v| v.lang = other);
    };
    let large = nav.view.with_untracked(|v| v.large);
    let text_href = move || crate::nav::href(&nav.view.with(|v| View { large: !large, ..v.clone() }));
    let text_size = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        nav.edit_push(|v| v.large = !large);
    };
    view! {
        <header class="site">
            <div class="brand">
                // The organisation's own mark, from its data folder (none is built in).
                {move || data.manifest.with(|m| m.value().and_then(|m| m.organisation.logo.clone())).map(|f| view! { <img class="logo" src=format!("data/{f}") alt="" width="28" height="28" /> })}
                <div>
                    // On the narrowest phones the short name, when the data gives one (the full
                    // name stays for screen readers).
                    <h1>
                        {move || match short() {
                            Some(s) => view! { <span class="org-full">{org()}</span><span class="org-short" aria-hidden="true">{s}</span> }.into_any(),
                            None => org().into_any(),
                        }}
                        <span class="sub">{t.disclosure}</span>
                    </h1>
                    <p class="updated">{updated}</p>
                </div>
                <a class="text-size" href=text_href role="button" aria-pressed=large.to_string() title=t.text_size_label on:click=text_size>{t.text_large}</a>
                <a class="lang-switch" href=switch_href hreflang=other.html() lang=other.html() aria-label=t.lang_switch_label on:click=switch>{t.lang_switch}</a>
            </div>
        </header>
        // The tabs stay at the top of the screen as the page scrolls; the organisation's name
        // and the buttons above them scroll away (on a phone in large text they were a third
        // of the screen).
        <nav class="site" aria-label=t.main_nav>
            <ul>
                // A page whose dataset the organisation does not publish has no tab (a
                // shared link to it still opens, and says so).
                {move || {
                    let listed = |p: Page| data.manifest.with(|m| m.value().is_none_or(|m| p.dataset().is_none_or(|id| m.dataset(id).is_some())));
                    Page::ALL
                        .into_iter()
                        // The history is reached from the footer and the data page, not a tab.
                        .filter(|p| (listed(*p) && !matches!(p, Page::History | Page::Lookup)) || nav.view.with_untracked(|v| v.page == *p))
                        .map(|p| {
                            let current = Signal::derive(move || nav.view.with(|v| v.page == p));
                            view! { <li><ViewLink view=View::page_in(p, t.lang) current=current class="tab">{p.label(t.lang)}</ViewLink></li> }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// In an embed: who publishes, and a link to the full view (opens outside the host page).
#[component]
fn EmbedBar() -> impl IntoView {
    let data = use_data();
    let nav = use_nav();
    let t = use_tr();
    let org = move || data.manifest.with(|m| m.value().map(|m| org_name(&m.organisation, t.lang))).unwrap_or_default();
    let full = move || crate::nav::absolute_href(&nav.view.with(|v| v.embedded(Embed::None)));
    view! {
        <div class="embed-bar">
            <span>{org}{t.disclosure}</span>
            <a href=full target="_blank" rel="noopener">{t.view_full}</a>
        </div>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let t = use_tr();
    let data = use_data();
    let contact = move || data.manifest.with(|m| m.value().and_then(|m| m.organisation.contact_in(t.lang).map(String::from)));
    // The organisation's channels for oversight and questions, as links a phone can use.
    let channels = move || {
        let org = data.org();
        let tel = org.phone.as_deref().and_then(|p| gongshi_core::feedback::tel(p).map(|h| (h, p.to_string())));
        let mail = org.email.as_deref().and_then(|m| gongshi_core::feedback::mail_to(m).map(|h| (h, m.trim().to_string())));
        (tel.is_some() || mail.is_some()).then(|| {
            view! {
                <p class="channels">
                    {t.footer_feedback}
                    {tel.map(|(h, p)| view! { <a class="tel" href=h>{p}</a> })}
                    {mail.map(|(h, m)| view! { " " <a class="mail" href=h>{m}</a> })}
                </p>
            }
        })
    };
    let data_href = crate::nav::href(&use_nav().view.with_untracked(|v| v.carry_settings(View::page(Page::Data))));
    let history_href = crate::nav::href(&use_nav().view.with_untracked(|v| v.carry_settings(View::page(Page::History))));
    view! {
        <footer class="site">
            {move || contact().map(|c| view! { <p class="contact">{c}</p> })}
            {channels}
            <p>{t.footer_privacy}</p>
            <p><a href=data_href>{t.footer_data}</a>" · "<a href=history_href>{Page::History.label(t.lang)}</a>" · "<a href="data/manifest.json">{t.footer_catalogue}</a></p>
        </footer>
    }
}

/// The organisation's name in the UI language (its English name when the manifest gives one).
fn org_name(o: &gongshi_core::manifest::Organisation, lang: gongshi_core::i18n::Lang) -> String {
    o.name_in(lang).to_string()
}
