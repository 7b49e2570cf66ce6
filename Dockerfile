# Production image: the `pioneer` server with the built SPA. Used by docker-compose.yml.
FROM rust:1.95-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Installs trunk, wasm-bindgen-cli (Cargo.lock's version) and wasm-opt, then builds the SPA.
RUN cargo xtask spa && cargo build --release -p pioneer-api --bin pioneer

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app pioneer
WORKDIR /app
COPY --from=build /src/target/release/pioneer /usr/local/bin/pioneer
COPY --from=build /src/frontend/dist /app/dist
ENV SPA_DIR=/app/dist BIND=0.0.0.0:8080 LOG_FORMAT=json
USER pioneer
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
CMD ["pioneer", "serve"]
