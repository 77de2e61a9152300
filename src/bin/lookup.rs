//! The donor's lookup's build (`routes::LOOKUP`): a receipt number's donation and where it went.
fn main() {
    gongshi::start(gongshi::routes::LOOKUP);
}
