//! The relief page's build (`routes::RELIEF`).
fn main() {
    gongshi::start(gongshi::routes::RELIEF);
}
