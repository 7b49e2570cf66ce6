#[actix_web::main]
async fn main() -> std::process::ExitCode {
    match pioneer_api::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
