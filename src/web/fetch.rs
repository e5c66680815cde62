//! The one HTTP client newsdesk fetches pages and feeds with, polite and safe: a `User-Agent` that
//! names newsdesk, connect and total timeouts, at most 5 redirects, http and https only, a 5 MiB cap
//! on the bytes read, HTML and feed content types only, conditional GET, and no fetching of
//! loopback, private, link-local or cloud-metadata addresses (checked on every resolved address,
//! after every redirect) unless `fetch.allow_private` says so.

use std::error::Error as StdError;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, Url, redirect};

use crate::settings::FetchSettings;

/// What newsdesk calls itself on the web.
pub const USER_AGENT: &str = concat!(
    "newsdesk/",
    env!("CARGO_PKG_VERSION"),
    " (Telegram helpdesk bot that answers readers from news articles; polls feeds politely)"
);

/// The most bytes read from one response (after decompression).
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;

/// The most redirects followed for one fetch.
pub const MAX_REDIRECTS: usize = 5;

/// Content types newsdesk reads: web pages and feeds.
const ACCEPTED_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
];

const ACCEPT: &str = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, \
                      application/feed+json, application/xml;q=0.9, */*;q=0.1";

/// Why a fetch failed. Shown to admins and kept as a feed's last error, so each says what happened
/// in one line, without internals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{0:?} is not a web address (give a full http:// or https:// URL)")]
    BadUrl(String),
    #[error("only http and https addresses are fetched, not {0}:")]
    Scheme(String),
    #[error(
        "refused: {host} is a private, loopback or link-local address (set fetch.allow_private = true for an intranet site)"
    )]
    Private { host: String },
    #[error("the server did not answer in time")]
    Timeout,
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("the response is larger than 5 MiB")]
    TooLarge,
    #[error("the response is {0}, not a web page or a feed")]
    ContentType(String),
    #[error("the server could not be reached ({0})")]
    Network(String),
}

/// The validators of an earlier response, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A response newsdesk read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Where the content came from, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    /// This response's validators, for the next conditional GET.
    pub validators: Validators,
}

/// The answer to a fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Fetched(Fetched),
    /// 304: nothing changed since the validators given.
    NotModified,
}

/// The shared client. Cheap to clone (reqwest's client is a handle).
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    allow_private: bool,
}

impl Fetcher {
    pub fn new(settings: &FetchSettings) -> anyhow::Result<Fetcher> {
        let allow_private = settings.allow_private;
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(Duration::from_secs(settings.connect_timeout_secs))
            .timeout(Duration::from_secs(settings.timeout_secs))
            // A proxy would resolve the host itself, past the address check below.
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver { allow_private }))
            .redirect(redirect::Policy::custom(move |attempt| {
                if attempt.previous().len() > MAX_REDIRECTS {
                    return attempt.error(FetchError::TooManyRedirects);
                }
                match check_url(attempt.url(), allow_private) {
                    Ok(()) => attempt.follow(),
                    Err(e) => attempt.error(e),
                }
            }))
            .build()?;
        Ok(Fetcher {
            client,
            allow_private,
        })
    }

    /// Fetches `url`, sending `validators` (when given) as `If-None-Match` / `If-Modified-Since`.
    /// Logs the URL and the outcome at info.
    pub async fn fetch(
        &self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Outcome, FetchError> {
        let result = self.fetch_inner(url, validators).await;
        match &result {
            Ok(Outcome::Fetched(f)) => log::info!(
                "fetched {url}: {} bytes of {}",
                f.bytes.len(),
                f.content_type.as_deref().unwrap_or("unknown type")
            ),
            Ok(Outcome::NotModified) => log::info!("fetched {url}: not modified"),
            Err(e) => log::info!("fetch {url} failed: {e}"),
        }
        result
    }

    async fn fetch_inner(
        &self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Outcome, FetchError> {
        let parsed = Url::parse(url.trim()).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        check_url(&parsed, self.allow_private)?;
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(ACCEPT));
        if let Some(v) = validators {
            if let Some(etag) = v
                .etag
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                headers.insert(header::IF_NONE_MATCH, etag);
            }
            if let Some(date) = v
                .last_modified
                .as_deref()
                .and_then(|d| HeaderValue::from_str(d).ok())
            {
                headers.insert(header::IF_MODIFIED_SINCE, date);
            }
        }
        let mut response = self
            .client
            .get(parsed)
            .headers(headers)
            .send()
            .await
            .map_err(classify)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Outcome::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let content_type = header_text(response.headers(), header::CONTENT_TYPE);
        if let Some(kind) = &content_type {
            let essence = kind
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if !ACCEPTED_TYPES.contains(&essence.as_str()) {
                return Err(FetchError::ContentType(essence));
            }
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY_BYTES as u64)
        {
            return Err(FetchError::TooLarge);
        }
        let validators = Validators {
            etag: header_text(response.headers(), header::ETAG),
            last_modified: header_text(response.headers(), header::LAST_MODIFIED),
        };
        let final_url = response.url().to_string();
        // Counted as read, not as announced: a missing or lying Content-Length cannot get past.
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if bytes.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(FetchError::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Outcome::Fetched(Fetched {
            final_url,
            content_type,
            bytes,
            validators,
        }))
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The scheme and, for an address written as an IP, the address (host names are checked when
/// they resolve, see [`GuardedResolver`]).
fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme(url.scheme().to_string()));
    }
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        Some(url::Host::Domain(_)) => return Ok(()),
        None => return Err(FetchError::BadUrl(url.to_string())),
    };
    if !allow_private && is_private(ip) {
        return Err(FetchError::Private {
            host: ip.to_string(),
        });
    }
    Ok(())
}

/// Addresses a fetch must not reach from outside input: loopback, private (RFC 1918, unique
/// local), link-local (which holds the cloud metadata service, 169.254.169.254), carrier-grade
/// NAT, unspecified, broadcast and multicast.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
            // fd00:ec2::254, the IPv6 metadata service, is inside fc00::/7 above.
        }
    }
}

/// Resolves host names with the system resolver and drops private addresses, so a public name
/// that points inside (DNS rebinding, a hostile feed item) is refused before any connection.
struct GuardedResolver {
    allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|a| allow_private || !is_private(a.ip()))
                .collect();
            if allowed.is_empty() && !found.is_empty() {
                return Err(
                    Box::new(FetchError::Private { host }) as Box<dyn StdError + Send + Sync>
                );
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// A reqwest error as a [`FetchError`]: our own refusals (from the resolver or the redirect
/// policy) are found in its source chain.
fn classify(error: reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn StdError + 'static)> = Some(&error);
    while let Some(e) = source {
        if let Some(own) = e.downcast_ref::<FetchError>() {
            return own.clone();
        }
        source = e.source();
    }
    if error.is_timeout() {
        FetchError::Timeout
    } else if error.is_redirect() {
        FetchError::TooManyRedirects
    } else {
        // The innermost cause says most ("connection refused", "dns error"), without the URL.
        let mut cause: &(dyn StdError + 'static) = &error;
        while let Some(next) = cause.source() {
            cause = next;
        }
        FetchError::Network(cause.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_private_and_public_ones_are_not() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_private(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["8.8.8.8", "103.10.20.30", "2001:4860:4860::8888"] {
            assert!(!is_private(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        let ftp = Url::parse("ftp://example.com/a").unwrap();
        assert_eq!(check_url(&ftp, true), Err(FetchError::Scheme("ftp".into())));
        let file = Url::parse("file:///etc/passwd").unwrap();
        assert!(check_url(&file, true).is_err());
    }

    #[test]
    fn an_address_written_as_a_private_ip_is_refused_unless_allowed() {
        // The redirect policy runs this same check on every hop.
        for url in [
            "http://10.0.0.7/admin",
            "http://[::1]:8080/",
            "http://169.254.169.254/",
        ] {
            let url = Url::parse(url).unwrap();
            assert!(
                matches!(check_url(&url, false), Err(FetchError::Private { .. })),
                "{url}"
            );
            assert_eq!(check_url(&url, true), Ok(()));
        }
        let documentation = Url::parse("https://203.0.113.9/").unwrap();
        assert!(
            check_url(&documentation, false).is_err(),
            "TEST-NET-3 is never a real site"
        );
        let named = Url::parse("https://www.kompas.com/").unwrap();
        assert_eq!(
            check_url(&named, false),
            Ok(()),
            "names are checked when resolved"
        );
    }
}
