//! Entry point: installs the panic handler (with its words in the address's language) and
//! mounts the app.
fn main() {
    gongshi::panic::install(|query| {
        let t = gongshi::i18n::tr(gongshi_core::view::View::from_query(query).lang);
        (t.fatal, t.reload_page)
    });
    gongshi::mount();
}
