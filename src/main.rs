//! Entry point: installs the panic handler and mounts the app.
fn main() {
    gongshi::panic::install();
    gongshi::mount();
}
