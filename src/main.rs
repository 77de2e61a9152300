//! The app's main build: every page but the history (`routes::MAIN`).
fn main() {
    gongshi::start(gongshi::routes::MAIN);
}
