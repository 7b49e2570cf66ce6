//! The ceiling of this machine: a minimal actix-web server that answers every request with one
//! fixed JSON document read from a file. No database, no auth, no logging — the benchmark
//! divides the real server's figures by this one's.
//!
//! Usage: `ceiling <bind address> <body file>`

use actix_web::{App, HttpResponse, HttpServer, web};

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(bind), Some(file)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: ceiling <bind address> <body file>");
    };
    let body = web::Bytes::from(std::fs::read(&file)?);
    HttpServer::new(move || {
        let body = body.clone();
        App::new().default_service(web::to(move || {
            let body = body.clone();
            async move {
                HttpResponse::Ok()
                    .content_type("application/json")
                    .body(body)
            }
        }))
    })
    .bind(&bind)?
    .run()
    .await?;
    Ok(())
}
