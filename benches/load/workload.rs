//! What the simulated readers say: a realistic mix of article questions (formal, slang, English),
//! small talk, ticker questions, commands and out-of-scope questions, drawn with a seeded
//! generator so every run sends the same traffic.

/// Kinds of traffic, reported apart because they cost the bot different work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Article,
    SmallTalk,
    Ticker,
    Command,
    OutOfScope,
    /// A 👍/👎 press under an answer (the reply awaited is `answerCallbackQuery`).
    Button,
    /// Group chatter not addressed to the bot: the bot must ignore it (no reply, no desk turn).
    Chatter,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Article => "article question",
            Kind::SmallTalk => "small talk",
            Kind::Ticker => "ticker",
            Kind::Command => "command",
            Kind::OutOfScope => "out of scope",
            Kind::Button => "button press",
            Kind::Chatter => "group chatter",
        }
    }
}

const ARTICLE_ID: &[&str] = &[
    "Benarkah WhatsApp membagikan data pengguna ke Facebook?",
    "Kapan Facebook membeli WhatsApp?",
    "Berapa nilai akuisisi WhatsApp oleh Facebook?",
    "Aplikasi apa yang jadi alternatif WhatsApp?",
    "Apakah pesan pribadi saya masih terenkripsi end-to-end?",
    "Kebijakan privasi baru WhatsApp berlaku buat siapa?",
    "Apa tanggapan Kominfo soal kebijakan WhatsApp?",
    "Siapa yang menulis berita ini?",
    "wa bagi2 data ke fb ya?",
    "fb beli wa thn brp sih",
    "orang2 pada pindah ke telegram ya?",
    "chat sama akun bisnis disimpen di server facebook ga?",
    "kalo gak setuju kebijakan baru wa gimana",
];
const ARTICLE_EN: &[&str] = &[
    "Does WhatsApp share my messages with Facebook?",
    "When did Facebook buy WhatsApp?",
    "What are people switching to instead of WhatsApp?",
    "Who wrote this article?",
];
const SMALL_TALK: &[&str] = &[
    "halo",
    "hai bot",
    "makasih ya",
    "thanks!",
    "selamat pagi",
    "kamu bisa bantu apa?",
];
const TICKER: &[&str] = &[
    "harga emas hari ini berapa?",
    "kurs dolar sekarang",
    "IHSG gimana?",
    "How is the rupiah doing?",
];
const COMMANDS: &[&str] = &[
    "/start",
    "/help",
    "/articles",
    "/lang id",
    "/lang en",
    "/subscribe",
    "/unsubscribe",
];
const OUT_OF_SCOPE: &[&str] = &[
    "Siapa juara Piala Dunia 2022?",
    "resep rendang enak gimana?",
    "cuaca di Jakarta besok?",
    "What's the score of the match tonight?",
    "asdfgh",
];
const CHATTER: &[&str] = &[
    "wkwk iya bener",
    "nanti sore jadi ketemu?",
    "/roll@dice_bot",
    "setuju sih",
];

/// xorshift64*: tiny, seeded, good enough to pick from lists.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// The next thing a reader in a private chat sends. `english` readers ask in English.
pub fn private_text(rng: &mut Rng, english: bool) -> (Kind, String) {
    let roll = rng.below(100);
    let (kind, text) = match roll {
        0..45 if english => (Kind::Article, rng.pick(ARTICLE_EN)),
        0..45 => (Kind::Article, rng.pick(ARTICLE_ID)),
        45..63 => (Kind::SmallTalk, rng.pick(SMALL_TALK)),
        63..75 => (Kind::Ticker, rng.pick(TICKER)),
        75..88 => (Kind::Command, rng.pick(COMMANDS)),
        _ => (Kind::OutOfScope, rng.pick(OUT_OF_SCOPE)),
    };
    (kind, text.to_string())
}

/// The next thing said in a group: addressed to the bot (`/ask@bot …`, `/ask …` or a mention),
/// or chatter the bot must ignore.
pub fn group_text(rng: &mut Rng, bot_username: &str) -> (Kind, String) {
    if rng.below(100) < 20 {
        return (Kind::Chatter, rng.pick(CHATTER).to_string());
    }
    let (kind, question) = loop {
        match private_text(rng, false) {
            // Group members use /ask; other commands are rare there.
            (Kind::Command, _) => continue,
            other => break other,
        }
    };
    let text = match rng.below(3) {
        0 => format!("/ask@{bot_username} {question}"),
        1 => format!("/ask {question}"),
        _ => format!("@{bot_username} {question}"),
    };
    (kind, text)
}
