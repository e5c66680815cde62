//! Keeping the bot token out of logged error texts.

use std::fmt::Display;

use super::TgBot;

/// An error's text with the bot token removed. teloxide already hides it in network errors; this
/// also covers any other text that might echo a URL.
pub fn redact(error: &impl Display, bot: &TgBot) -> String {
    redact_token(&error.to_string(), bot.token())
}

fn redact_token(text: &str, token: &str) -> String {
    if token.is_empty() {
        return text.to_string();
    }
    let mut out = text.replace(token, "<token>");
    // The secret half alone would still be a leak.
    if let Some((_, secret)) = token.split_once(':')
        && secret.len() >= 8
    {
        out = out.replace(secret, "<token>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_removed_from_error_texts() {
        let token = "123456:AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao";
        let text =
            format!("error sending request for url (https://api.telegram.org/bot{token}/getMe)");
        let redacted = redact_token(&text, token);
        assert!(
            !redacted.contains("AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao"),
            "{redacted}"
        );
        assert!(redacted.contains("bot<token>/getMe"));
        assert_eq!(
            redact_token("only the secret AAF7-g0gYncWnm5IyfZlpPRqRRv6kNAGlao", token),
            "only the secret <token>"
        );
    }
}
