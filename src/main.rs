//! The app's main build (`routes::MAIN`): the overview, the rectification report, the data page.
fn main() {
    gongshi::start(gongshi::routes::MAIN);
}
