//! The donations page's build (`routes::LEDGER`): the ledger's readers, its search index, the
//! charts and the pinyin search.
fn main() {
    gongshi::start(gongshi::routes::LEDGER);
}
