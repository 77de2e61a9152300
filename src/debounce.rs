//! The app's one debounce: run the latest action once calls pause for a while (the address bar
//! while typing, the ledger's charts while filtering).

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

/// Runs the last action given to [`Debounce::call`] once `delay` has passed without another
/// call; [`Debounce::flush`] runs a waiting action at once, [`Debounce::cancel`] drops it.
#[derive(Clone)]
pub struct Debounce {
    delay: Duration,
    pending: Rc<RefCell<Option<Pending>>>,
}

struct Pending {
    timer: Option<TimeoutHandle>,
    action: Box<dyn FnOnce()>,
}

impl Debounce {
    pub fn new(delay: Duration) -> Self {
        Debounce { delay, pending: Rc::new(RefCell::new(None)) }
    }

    /// `action` replaces any waiting one and runs after the delay.
    pub fn call(&self, action: impl FnOnce() + 'static) {
        // The timer holds no strong reference: a dropped Debounce runs nothing.
        let weak: Weak<RefCell<Option<Pending>>> = Rc::downgrade(&self.pending);
        let timer = set_timeout_with_handle(
            move || {
                if let Some(pending) = weak.upgrade() {
                    run(&pending);
                }
            },
            self.delay,
        )
        .ok();
        let old = self.pending.borrow_mut().replace(Pending { timer, action: Box::new(action) });
        if let Some(Pending { timer: Some(t), .. }) = old {
            t.clear();
        }
    }

    /// Runs the waiting action now, if there is one.
    pub fn flush(&self) {
        run(&self.pending);
    }

    /// Drops the waiting action, if there is one, without running it.
    pub fn cancel(&self) {
        if let Some(Pending { timer: Some(t), .. }) = self.pending.borrow_mut().take() {
            t.clear();
        }
    }
}

fn run(pending: &RefCell<Option<Pending>>) {
    // Taken out first: the action may call the debounce again.
    let p = pending.borrow_mut().take();
    if let Some(p) = p {
        if let Some(t) = p.timer {
            t.clear();
        }
        (p.action)();
    }
}
