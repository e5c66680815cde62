//! The console adapter: `newsdesk chat` talks to the same [`Desk`] as Telegram does, one line at
//! a time. Each line is a question (or a `/command`); replies are printed with their buttons
//! numbered, and typing a button's number presses it. Generic over the streams, so tests drive it
//! in memory; at a terminal, [`terminal::Terminal`] reads the lines with editing and history.

pub mod terminal;

use std::future::Future;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, Lines};

use crate::desk::{ChatKind, Command, Desk, Event, Input, Place, Reply, Sender};

/// The chat the console speaks in. Telegram never uses 0 (users are positive, groups negative),
/// so the console's conversation can never mix with a real chat's.
pub const CONSOLE_CHAT_ID: i64 = 0;

/// A button of the latest replies, pressable by its number.
struct Pressable {
    data: String,
    message_id: i32,
}

/// What the console adds to `/help`: its own keys, which Telegram has no use for.
pub const CONSOLE_HELP: &str = "In this console: type a button's number to press it; \
↑/↓ recall earlier lines and ←/→ edit the line (at a terminal); /quit, /exit or Ctrl-D leaves.";

/// Where the console's lines come from.
pub trait LineSource {
    /// The next line (after showing the prompt, if the source shows one); `None` at the end.
    fn next_line(&mut self) -> impl Future<Output = anyhow::Result<Option<String>>>;

    /// Whether the source shows its own prompt (a line editor does; a pipe does not).
    fn shows_prompt(&self) -> bool;
}

/// Lines from any byte stream (a pipe, a file, a test's buffer).
pub struct Piped<R>(Lines<R>);

impl<R: AsyncBufRead + Unpin> LineSource for Piped<R> {
    async fn next_line(&mut self) -> anyhow::Result<Option<String>> {
        Ok(self.0.next_line().await?)
    }

    fn shows_prompt(&self) -> bool {
        false
    }
}

/// Runs the chat on lines from a byte stream until it ends or the user types `/quit`.
pub async fn run<R, W>(desk: &Desk, input: R, out: W, who: Sender) -> anyhow::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    run_with(desk, Piped(input.lines()), out, who).await
}

/// Runs the chat on lines from `lines` until they end or the user types `/quit`.
pub async fn run_with<S, W>(
    desk: &Desk,
    mut lines: S,
    mut out: W,
    who: Sender,
) -> anyhow::Result<()>
where
    S: LineSource,
    W: AsyncWrite + Unpin,
{
    let mut console = Console {
        desk,
        who,
        next_message_id: 1,
        buttons: Vec::new(),
    };
    out.write_all(
        "newsdesk chat — type a question, a /command, or a button's number; /quit to leave.\n"
            .as_bytes(),
    )
    .await?;
    console
        .exchange(
            Event::Command {
                name: Command::Start.name().into(),
                args: String::new(),
            },
            &mut out,
        )
        .await?;

    loop {
        if !lines.shows_prompt() {
            out.write_all(b"> ").await?;
            out.flush().await?;
        }
        let Some(line) = lines.next_line().await? else {
            break;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line == "/quit" || line == "/exit" {
            break;
        }
        let event = console.event_for(line);
        let help = matches!(&event, Event::Command { name, .. } if Command::named(name) == Some(Command::Help));
        console.exchange(event, &mut out).await?;
        if help {
            out.write_all(format!("{CONSOLE_HELP}\n\n").as_bytes())
                .await?;
        }
    }
    out.write_all(b"\n").await?;
    out.flush().await?;
    Ok(())
}

struct Console<'a> {
    desk: &'a Desk,
    who: Sender,
    next_message_id: i32,
    buttons: Vec<Pressable>,
}

impl Console<'_> {
    fn event_for(&self, line: &str) -> Event {
        if let Ok(number) = line.parse::<usize>()
            && let Some(button) = number.checked_sub(1).and_then(|i| self.buttons.get(i))
        {
            return Event::Callback {
                data: button.data.clone(),
                message_id: button.message_id,
            };
        }
        if let Some(command) = line.strip_prefix('/') {
            let (head, args) = command
                .split_once(char::is_whitespace)
                .unwrap_or((command, ""));
            let name = head.split('@').next().unwrap_or(head);
            return Event::Command {
                name: name.to_string(),
                args: args.trim().to_string(),
            };
        }
        Event::Text {
            text: line.to_string(),
            edited: false,
        }
    }

    /// Hands one event to the desk and prints what comes back.
    async fn exchange<W: AsyncWrite + Unpin>(
        &mut self,
        event: Event,
        out: &mut W,
    ) -> anyhow::Result<()> {
        let input = Input {
            update_id: None,
            place: Place {
                chat_id: CONSOLE_CHAT_ID,
                kind: ChatKind::Private,
                thread_id: None,
                message_id: Some(self.take_message_id()),
            },
            sender: Some(self.who.clone()),
            replying_to: None,
            event,
        };
        let replies = match self.desk.handle(input).await {
            Ok(replies) => replies,
            Err(e) => {
                out.write_all(format!("error: {e:#}\n").as_bytes()).await?;
                return Ok(());
            }
        };
        let mut shown = String::new();
        let mut fresh_buttons = Vec::new();
        for reply in replies {
            match reply {
                Reply::Send {
                    chat_id,
                    text,
                    buttons,
                    track,
                    ..
                } => {
                    if chat_id != CONSOLE_CHAT_ID {
                        // Shown, not delivered: the console reaches no other chat. Nor is it
                        // reported as sent (`track`), so no made-up message id is ever tied to a
                        // real chat's messages.
                        shown.push_str(&format!("[for chat {chat_id}, not delivered] {text}\n\n"));
                        continue;
                    }
                    let message_id = self.take_message_id();
                    if let Some(track) = track {
                        self.desk.sent(track, chat_id, message_id).await?;
                    }
                    shown.push_str(&text);
                    shown.push('\n');
                    for row in buttons {
                        let labels: Vec<String> = row
                            .into_iter()
                            .map(|button| {
                                // A link is shown, not numbered: pressing it is the browser's job.
                                if let Some(url) = &button.url {
                                    return format!("[{}: {url}]", button.label);
                                }
                                fresh_buttons.push(Pressable {
                                    data: button.data,
                                    message_id,
                                });
                                format!("[{}] {}", fresh_buttons.len(), button.label)
                            })
                            .collect();
                        shown.push_str(&format!("  {}\n", labels.join("   ")));
                    }
                    shown.push('\n');
                }
                Reply::Toast { text } if !text.is_empty() => {
                    shown.push_str(&format!("({text})\n\n"));
                }
                Reply::Toast { .. } => {}
                Reply::ClearButtons { message_id, .. } => {
                    self.buttons.retain(|b| b.message_id != message_id);
                }
            }
        }
        // The latest message's buttons are the ones numbered; older ones stay pressable only
        // until something new with buttons arrives.
        if !fresh_buttons.is_empty() {
            self.buttons = fresh_buttons;
        }
        out.write_all(shown.as_bytes()).await?;
        out.flush().await?;
        Ok(())
    }

    fn take_message_id(&mut self) -> i32 {
        let id = self.next_message_id;
        self.next_message_id += 1;
        id
    }
}
