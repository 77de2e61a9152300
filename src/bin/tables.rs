//! The relief and coverage pages' build (`routes::TABLES`).
fn main() {
    gongshi::start(gongshi::routes::TABLES);
}
