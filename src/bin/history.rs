//! The history page's build (`routes::HISTORY`): the chain check, the diffs and the calendar
//! load only when the history is opened.
fn main() {
    gongshi::start(gongshi::routes::HISTORY);
}
