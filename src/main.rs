fn main() {
    std::process::exit(linkchart::cli::main());
}
