//! The coverage page's build (`routes::COVERAGE`).
fn main() {
    gongshi::start(gongshi::routes::COVERAGE);
}
