//! The `tarjama` command-line tool.
fn main() {
    println!("tarjama {}", env!("CARGO_PKG_VERSION"));
}
