//! 捐赠查询: a donor looks up their donation (红十字会法第二十一条) by receipt number, donation id
//! or goods batch id, or by name with the date and the amount; the answer (`core::ledger::lookup`)
//! shows the donation and, for a directed one, every disbursement it paid for and what is not yet
//! used; a batch, every movement out. The question is in the URL, so the answer has its own
//! permalink; a ledger published by year loads only the year the question names, or, when the
//! publisher wrote lookup files (`core::ledger::shard`), only the one file a number falls in.

use crate::nav::use_nav;
use crate::state::{use_data, Load};
use gongshi_core::date::PartialDate;
use gongshi_core::i18n::Lang;
use gongshi_core::ledger::lookup::{lookup, Answer, Ask, Found, FoundBatch};
use gongshi_core::ledger::shard::Shard;
use gongshi_core::ledger::Goods;
use gongshi_core::money::Fen;
use gongshi_core::view::{LookupView, Page, View};
use leptos::prelude::*;
use std::sync::Arc;

/// The page's own words.
struct Words {
    lead: &'static str,
    number: &'static str,
    number_hint: &'static str,
    by_name: &'static str,
    name: &'static str,
    date: &'static str,
    amount: &'static str,
    ask: &'static str,
    loading: &'static str,
    directed_to: &'static str,
    not_directed: &'static str,
    uses_h: &'static str,
    shared: &'static str,
    unused: &'static str,
    no_use_yet: &'static str,
    batch_h: &'static str,
    moved: &'static str,
    written_off: &'static str,
    remaining: &'static str,
    print: &'static str,
    sample_note: &'static str,
    receipt: &'static str,
    id: &'static str,
    channel: &'static str,
    status: &'static str,
    project: &'static str,
}

const ZH: Words = Words {
    lead: "捐赠人有权查询捐赠款物的使用、管理情况（《中华人民共和国红十字会法》第二十一条）。输入捐赠收据上的收据号，或捐赠编号、物资批次号；也可以用捐赠人名称、捐赠日期和金额一起查询。",
    number: "收据号、捐赠编号或物资批次号",
    number_hint: "如 XNHH-2019-000002",
    by_name: "没有收据号？用名称、日期和金额查询",
    name: "捐赠人名称（可填一部分）",
    date: "捐赠日期",
    amount: "金额（元）",
    ask: "查询",
    loading: "正在读取捐赠台账…",
    directed_to: "定向用途",
    not_directed: "这是一笔非定向捐赠：与其他非定向捐赠一起统筹使用，不逐笔对应具体支出。各年度的收入和支出见捐赠页。",
    uses_h: "这笔定向捐赠支付了以下支出",
    shared: "（与其他定向捐赠共同支付，按各笔金额比例分摊）",
    unused: "尚未使用",
    no_use_yet: "台账中还没有由这笔捐赠支付的支出。",
    batch_h: "物资批次",
    moved: "出库",
    written_off: "核销",
    remaining: "库存",
    print: "打印 / 存为 PDF",
    sample_note: "这是示例数据，不是真实的捐赠记录。",
    receipt: "收据号",
    id: "编号",
    channel: "渠道",
    status: "状态",
    project: "项目",
};

const EN: Words = Words {
    lead: "Donors may look up how their donation was used and managed (Red Cross Society Law of the PRC, art. 21). Enter the receipt number on your receipt, or the donation id or goods batch id; or your name together with the date and the amount.",
    number: "Receipt number, donation id or batch id",
    number_hint: "e.g. XNHH-2019-000002",
    by_name: "No receipt number? Look up by name, date and amount",
    name: "Donor's name (or part of it)",
    date: "Date of the donation",
    amount: "Amount (CNY)",
    ask: "Look up",
    loading: "Reading the donations ledger…",
    directed_to: "Directed to",
    not_directed: "This is a non-directed donation: it is used together with the other non-directed donations, not matched to particular spending. Each year's income and spending are on the donations page.",
    uses_h: "This directed donation paid for",
    shared: " (paid together with other directed donations, shared in proportion to their amounts)",
    unused: "Not yet used",
    no_use_yet: "The ledger has no spending paid from this donation yet.",
    batch_h: "Goods batch",
    moved: "Out",
    written_off: "Written off",
    remaining: "In stock",
    print: "Print / save as PDF",
    sample_note: "This is sample data, not a real donation record.",
    receipt: "Receipt",
    id: "Id",
    channel: "Channel",
    status: "Status",
    project: "Project",
};

fn words(lang: Lang) -> &'static Words {
    lang.pick(&ZH, &EN)
}

/// What the URL asks, as the core's question (a date or an amount that does not parse is left
/// out, so the lookup says nothing matched rather than guessing).
fn ask_of(v: &LookupView) -> Ask {
    Ask {
        number: v.number.clone(),
        name: v.name.clone(),
        date: PartialDate::parse(v.date.trim()).ok().filter(|d| d.day.is_some()),
        amount: Fen::parse_yuan(&v.amount),
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let t = crate::i18n::use_tr();
    let w = words(t.lang);
    let nav = use_nav();
    let data = use_data();
    let asked = Memo::new(move |_| nav.view.with(|v| v.lookup.clone()));
    // Nothing is read before a question; then only the year it names, when the ledger is
    // published by year. A later question about another year reads every year (a part not
    // read would otherwise answer "not found").
    let asked_before = StoredValue::new(false);
    let read_for = move |ask: &Ask| {
        if ask.is_empty() {
            return;
        }
        let parts = data.manifest.with_untracked(|m| m.value().and_then(|m| m.dataset("donations").map(|d| !d.parts.is_empty()))).unwrap_or(false);
        if parts && asked_before.get_value() {
            data.load_all_years();
        } else {
            data.ensure_ledger_for(ask.year().into_iter().collect());
        }
        asked_before.set_value(true);
    };
    // A number asked of a ledger whose publisher wrote the lookup's shards reads the one shard
    // its bucket names (and the goods file, when no donation has the number: a batch id); any
    // other question, or a shard that cannot be used, reads the ledger.
    let from_shard = RwSignal::new(FromShard::No);
    // Every question, however it arrives (the link, the form, back and forward), reads what it
    // needs, once the manifest says whether there are shards.
    Effect::new(move |_| {
        let ask = ask_of(&asked.get());
        let m = data.manifest.get();
        if ask.is_empty() || !m.is_settled() {
            return;
        }
        let number = ask.number.trim().to_string();
        let Some((buckets, sources)) = m.value().and_then(|m| m.lookup_sources()).filter(|_| !number.is_empty()) else {
            from_shard.set(FromShard::No);
            read_for(&ask);
            return;
        };
        if from_shard.with_untracked(|s| s.number() == Some(number.as_str())) {
            return;
        }
        from_shard.set(FromShard::Loading(number.clone()));
        leptos::task::spawn_local(async move {
            let read = crate::api::lookup_shard(&number, buckets, &sources).await;
            if !from_shard.with_untracked(|s| matches!(s, FromShard::Loading(n) if *n == number)) {
                return; // another question since
            }
            match read {
                Ok(shard) => {
                    if lookup(&ask, &shard.donations, &shard.disbursements, &Goods::default()) == Answer::NotFound {
                        data.ensure(crate::state::DataFile::Goods);
                    }
                    from_shard.set(FromShard::Ready(number, Arc::new(shard)));
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("gongshi: 捐赠查询 reads the ledger: {}", e.message).into());
                    from_shard.set(FromShard::Failed(number));
                    read_for(&ask);
                }
            }
        });
    });
    // A directed donation that shared a disbursement with donations of years not read: their
    // amounts decide its share, so every year is read and the answer given again.
    Effect::new(move |_| {
        let ask = ask_of(&asked.get());
        if ask.is_empty() || !data.donations_progress.with(|p| p.partial()) {
            return;
        }
        let (Some(d), Some(x), Some(g)) = (data.donations.with(Load::value), data.disbursements.with(Load::value), data.goods.with(Load::value)) else {
            return;
        };
        if matches!(lookup(&ask, &d, &x, &g), Answer::Donations(found) if found.iter().any(|f| f.sources_missing)) {
            data.load_all_years();
        }
    });

    // The form edits a draft; 查询 puts it in the URL (a new history entry: back returns).
    let draft = RwSignal::new(asked.get_untracked());
    let field = move |f: fn(&mut LookupView) -> &mut String| {
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            draft.update(|d| *f(d) = value);
        }
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let d = draft.get_untracked();
        nav.edit_push(|v| v.lookup = d);
    };
    let d0 = draft.get_untracked();
    let by_name_open = !d0.name.is_empty() || !d0.date.is_empty() || !d0.amount.is_empty();

    let answer = move || {
        let v = asked.get();
        let ask = ask_of(&v);
        if ask.is_empty() {
            return None;
        }
        let loading = move || view! { <p class="loading" aria-busy="true">{w.loading}</p> }.into_any();
        match from_shard.get() {
            FromShard::Loading(_) => return Some(loading()),
            FromShard::Ready(n, _) | FromShard::Failed(n) if n != ask.number.trim() => return Some(loading()),
            FromShard::Ready(_, shard) => {
                return Some(match lookup(&ask, &shard.donations, &shard.disbursements, &Goods::default()) {
                    // No donation has the number (its shard holds every one that could): a goods
                    // batch id, or nothing.
                    Answer::NotFound => match data.goods.get() {
                        Load::Ready { value: g, .. } => show(lookup(&ask, &[], &[], &g), &v, t),
                        g if g.is_settled() => crate::components::loaded(g, crate::state::DataFile::Goods, None, |_, _| ().into_any()),
                        _ => loading(),
                    },
                    found => show(found, &v, t),
                });
            }
            FromShard::No | FromShard::Failed(_) => {}
        }
        let (d, x, g) = (data.donations.get(), data.disbursements.get(), data.goods.get());
        let (Load::Ready { value: d, .. }, Load::Ready { value: x, .. }, Load::Ready { value: g, .. }) = (&d, &x, &g) else {
            let failed = [d.is_settled(), x.is_settled(), g.is_settled()].iter().all(|s| *s);
            return Some(if failed { crate::components::loaded(d.clone(), crate::state::DataFile::Donations, None, |_, _| ().into_any()) } else { loading() });
        };
        Some(show(lookup(&ask, d, x, g), &v, t))
    };

    view! {
        <section class="lookup">
            <h2>{Page::Lookup.label(t.lang)}</h2>
            <p class="lead">{w.lead}</p>
            <form class="lookup-form no-print" on:submit=submit>
                <div class="search">
                    <label for="lookup-no">{w.number}</label>
                    <input id="lookup-no" type="search" autocomplete="off" placeholder=w.number_hint prop:value=d0.number.clone() on:input=field(|d| &mut d.number) />
                </div>
                <details class="by-name" open=by_name_open>
                    <summary>{w.by_name}</summary>
                    <label>{w.name}<input id="lookup-name" type="text" autocomplete="off" prop:value=d0.name.clone() on:input=field(|d| &mut d.name) /></label>
                    <label>{w.date}<input id="lookup-date" type="date" prop:value=d0.date.clone() on:input=field(|d| &mut d.date) /></label>
                    <label>{w.amount}<input id="lookup-amount" type="text" inputmode="decimal" autocomplete="off" prop:value=d0.amount.clone() on:input=field(|d| &mut d.amount) /></label>
                </details>
                <button type="submit" class="btn">{w.ask}</button>
            </form>
            <div class="lookup-answer" role="status" aria-live="polite">{answer}</div>
        </section>
    }
}

/// Where the lookup's shard for the number asked stands (keyed by the number, trimmed).
#[derive(Clone)]
enum FromShard {
    /// No shards, or not a question by number: the ledger answers.
    No,
    Loading(String),
    Ready(String, Arc<Shard>),
    /// It could not be used (missing, stale, invalid): the ledger answers.
    Failed(String),
}

impl FromShard {
    fn number(&self) -> Option<&str> {
        match self {
            FromShard::No => None,
            FromShard::Loading(n) | FromShard::Ready(n, _) | FromShard::Failed(n) => Some(n),
        }
    }
}

/// The answer, shown.
fn show(answer: Answer<'_>, v: &LookupView, t: &'static crate::i18n::Tr) -> AnyView {
    match answer {
        Answer::Empty => ().into_any(),
        Answer::NotFound => not_found(v, t),
        Answer::Donations(found) => found.iter().map(|f| donation_card(f, t)).collect_view().into_any(),
        Answer::Batch(b) => batch_card(&b, t),
    }
}

/// A labelled line of a card.
fn line(label: &'static str, value: String) -> impl IntoView {
    view! { <div class="kv"><dt>{label}</dt><dd>{value}</dd></div> }
}

fn sample_badge(sample: bool, t: &'static crate::i18n::Tr) -> AnyView {
    if sample {
        view! { <span class="badge sample">{t.sample_badge}</span> }.into_any()
    } else {
        view! { <span class="badge real">{t.real_badge}</span> }.into_any()
    }
}

/// 对此有疑问 about record `id`: an e-mail to the organisation's published address with the
/// record and the answer's permalink (written by the reader's own mail program), when the data
/// gives an address.
fn ask_about(id: &str, t: &'static crate::i18n::Tr) -> Option<AnyView> {
    let org = use_data().organisation();
    let link = crate::nav::absolute_href(&view_for(id).with_lang(t.lang));
    let (subject, body) = t.ask_record_email(id, &link);
    let href = gongshi_core::feedback::mailto(org.email.as_deref()?, &subject, &body)?;
    Some(view! { <a class="ask-link no-print" href=href>{t.ask_record}</a> }.into_any())
}

fn donation_card(f: &Found<'_>, t: &'static crate::i18n::Tr) -> AnyView {
    let w = words(t.lang);
    let d = f.donation;
    let sample = d.origin.is_sample();
    let lines = view! {
        <dl class="kv-list">
            {line(w.id, d.id.clone())}
            {d.receipt.clone().map(|r| line(w.receipt, r))}
            {line(w.channel, d.channel.label(t.lang).to_string())}
            {line(w.status, d.status.label(t.lang).to_string())}
            {line(w.project, d.project.to_string())}
            {d.directed_to.as_ref().map(|x| line(w.directed_to, x.to_string()))}
        </dl>
    };
    let corrections = (!d.corrections.is_empty()).then(|| {
        view! { <ul class="corrections">{d.corrections.iter().map(|c| view! { <li>{t.date(c.date)}" "{c.text.clone()}</li> }).collect_view()}</ul> }
    });
    let uses = if !d.directed {
        view! { <p class="muted">{w.not_directed}</p> }.into_any()
    } else if f.uses.is_empty() {
        view! { <p class="muted">{w.no_use_yet}</p> }.into_any()
    } else {
        let rows = f
            .uses
            .iter()
            .map(|u| {
                let x = u.disbursement;
                view! {
                    <li class="use" data-id=x.id.clone() data-fen=u.share.0.to_string()>
                        <div class="use-head"><span>{t.date(x.date)}</span><strong>{t.money(u.share)}</strong></div>
                        <div>{x.purpose.clone()}" · "{x.recipient.clone()}</div>
                        {(u.sources > 1).then(|| view! { <div class="muted">{format!("{}{}", t.money(x.amount), w.shared)}</div> })}
                    </li>
                }
            })
            .collect_view();
        view! { <h3 class="uses-h">{w.uses_h}</h3><ul class="uses">{rows}</ul> }.into_any()
    };
    view! {
        <article class="lookup-card donation" class:sample=sample data-id=d.id.clone()>
            <header>
                <span class="date">{t.date(d.date)}</span>
                <strong class="amount">{t.money(d.amount)}</strong>
            </header>
            <p class="donor">{d.donor_shown().to_string()}" "{sample_badge(sample, t)}</p>
            {sample.then(|| view! { <p class="notice sample-notice">{w.sample_note}</p> })}
            {lines}
            {corrections}
            {uses}
            {f.unused.map(|u| view! { <p class="unused" data-fen=u.0.to_string()><span>{w.unused}</span><strong>{t.money(u)}</strong></p> })}
            <p class="card-actions">
                <button type="button" class="btn small no-print" on:click=|_| { let _ = web_sys::window().map(|w| w.print()); }>{w.print}</button>
                {ask_about(&d.id, t)}
            </p>
        </article>
    }
    .into_any()
}

fn batch_card(b: &FoundBatch<'_>, t: &'static crate::i18n::Tr) -> AnyView {
    let w = words(t.lang);
    let x = b.batch;
    let sample = x.origin.is_sample();
    let unit = x.unit.clone();
    let moves = b
        .movements
        .iter()
        .map(|m| view! { <li class="use"><div class="use-head"><span>{t.date(m.date)}</span><strong>{format!("{} {} {}", w.moved, m.quantity, unit)}</strong></div><div>{m.destination.clone()}</div></li> })
        .collect_view();
    let offs = b
        .writeoffs
        .iter()
        .map(|o| view! { <li class="use"><div class="use-head"><span>{o.date.map(|d| t.date(d)).unwrap_or_default()}</span><strong>{format!("{} {} {}", w.written_off, o.quantity, x.unit)}</strong></div><div>{o.reason.clone()}</div></li> })
        .collect_view();
    view! {
        <article class="lookup-card batch" class:sample=sample data-id=x.id.clone()>
            <header><span class="date">{t.date(x.date)}</span><strong class="amount">{format!("{} {} {}", x.item, x.quantity, x.unit)}</strong></header>
            <p class="donor">{x.donor.clone()}" "{sample_badge(sample, t)}</p>
            <dl class="kv-list">{line(w.id, x.id.clone())}{line(w.batch_h, t.money(x.value))}</dl>
            <ul class="uses">{moves}{offs}</ul>
            <p class="unused"><span>{w.remaining}</span><strong>{format!("{} {}", b.remaining, x.unit)}</strong></p>
            <p class="card-actions">{ask_about(&x.id, t)}</p>
        </article>
    }
    .into_any()
}

fn not_found(asked: &LookupView, t: &'static crate::i18n::Tr) -> AnyView {
    let org = use_data().organisation();
    let what = if asked.number.trim().is_empty() {
        match t.lang {
            Lang::Zh => format!("没有找到 {} 在 {} 捐赠 {} 元的记录", asked.name.trim(), asked.date.trim(), asked.amount.trim()),
            Lang::En => format!("No donation by {} on {} of CNY {} was found", asked.name.trim(), asked.date.trim(), asked.amount.trim()),
        }
    } else {
        match t.lang {
            Lang::Zh => format!("没有找到收据号“{}”", asked.number.trim()),
            Lang::En => format!("No donation or batch numbered “{}” was found", asked.number.trim()),
        }
    };
    let help = match t.lang {
        Lang::Zh => "请核对收据上的号码（字母、数字和短横线，不区分大小写）；用名称查询时，日期和金额须与收据一致。台账按公开周期更新，最近的捐赠可能尚未公布。仍然找不到，请联系本会：",
        Lang::En => "Check the number on your receipt (letters, digits and dashes; case does not matter); by name, the date and amount must be those on the receipt. The ledger is updated on its publication cadence, so a recent gift may not be listed yet. If you still cannot find it, contact us:",
    };
    let subject = match t.lang {
        Lang::Zh => "捐赠查询：没有找到我的捐赠".to_string(),
        Lang::En => "Donation lookup: my donation was not found".to_string(),
    };
    let link = crate::nav::absolute_href(&use_nav().view.get_untracked());
    let mail = org.email.as_deref().and_then(|m| gongshi_core::feedback::mailto(m, &subject, &format!("{what}\n{link}\n")));
    let tel = org.phone.as_deref().and_then(|p| gongshi_core::feedback::tel(p).map(|h| (h, p.to_string())));
    view! {
        <div class="notice not-found" role="alert">
            <p><strong>{what}</strong></p>
            <p>{help}</p>
            <p class="channels">
                {tel.map(|(h, p)| view! { <a class="tel" href=h>{p}</a> })}" "
                {mail.map(|h| view! { <a class="mail" href=h>{org.email.clone().unwrap_or_default()}</a> })}
            </p>
        </div>
    }
    .into_any()
}

/// A donor's way in, from the donations page and the overview: one tap to the lookup.
#[component]
pub fn LookupLink() -> impl IntoView {
    let t = crate::i18n::use_tr();
    view! {
        <p class="lookup-link no-print">
            <crate::components::ViewLink view=View::page(Page::Lookup) class="btn small">{t.lang.pick("查询我的捐赠去向", "Look up my donation")}</crate::components::ViewLink>
        </p>
    }
}

/// The lookup page's view for a question (links from the donations page and the overview).
pub fn view_for(number: &str) -> View {
    let mut v = View::page(Page::Lookup);
    v.lookup.number = number.to_string();
    v
}
