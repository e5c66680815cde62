# newsdesk container image: build with the locked dependencies on the minimum supported Rust, run
# as a non-root user with the database on the /data volume.
#
#   docker build -t newsdesk .
#   docker run -d --name newsdesk -v newsdesk-data:/data --env-file .env -p 8080:8080 newsdesk
#
# deploy/compose.yaml does the same, with optional Litestream replication.

FROM rust:1.94-slim-bookworm AS build
WORKDIR /src
# Everything the build reads (benches are listed in Cargo.toml, so they must exist); tests and
# data stay out (see .dockerignore).
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY benches benches
COPY migrations migrations
COPY config config
COPY content content
COPY lexicon lexicon
RUN cargo build --release --locked --bin newsdesk \
    && strip target/release/newsdesk

FROM debian:bookworm-slim
# sqlite3 for `sqlite3 /data/newsdesk.db ".backup …"` from inside the container; TLS needs no
# system certificates (rustls with bundled roots).
RUN apt-get update \
    && apt-get install -y --no-install-recommends sqlite3 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin newsdesk \
    && mkdir /data && chown newsdesk:newsdesk /data
COPY --from=build /src/target/release/newsdesk /usr/local/bin/newsdesk
USER newsdesk
WORKDIR /data
ENV DATABASE_URL=sqlite:///data/newsdesk.db \
    NEWSDESK_LISTEN=0.0.0.0:8080 \
    RUST_LOG=warn,newsdesk=info
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["newsdesk"]
CMD ["run"]
