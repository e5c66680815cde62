//! The console's input at a terminal: rustyline gives line editing (arrow keys, Home/End, Ctrl-W…)
//! and the history of this session (↑/↓), where a plain read would echo `^[[D`.

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

use super::LineSource;

/// Lines typed at the terminal. Reading blocks, so each line is read on tokio's blocking pool.
pub struct Terminal {
    // Taken out while a read is in flight on the blocking pool, put back after.
    editor: Option<DefaultEditor>,
}

impl Terminal {
    pub fn new() -> anyhow::Result<Terminal> {
        Ok(Terminal {
            editor: Some(DefaultEditor::new()?),
        })
    }
}

impl LineSource for Terminal {
    async fn next_line(&mut self) -> anyhow::Result<Option<String>> {
        let mut editor = self
            .editor
            .take()
            .ok_or_else(|| anyhow::anyhow!("the terminal is already being read"))?;
        let (mut editor, read) = tokio::task::spawn_blocking(move || {
            let read = editor.readline("> ");
            (editor, read)
        })
        .await?;
        let line = match read {
            Ok(line) => {
                if !line.trim().is_empty() {
                    // A failed history entry only costs the ↑ key this line.
                    let _ = editor.add_history_entry(line.as_str());
                }
                Some(line)
            }
            // Ctrl-D and Ctrl-C both leave, as they do in a shell's read loop.
            Err(ReadlineError::Eof | ReadlineError::Interrupted) => None,
            Err(e) => return Err(e.into()),
        };
        self.editor = Some(editor);
        Ok(line)
    }

    fn shows_prompt(&self) -> bool {
        true
    }
}
