//! The commands the desk knows, by name: the one list that dispatching a `/command`, the command
//! menus and the adapters read, so a command is never spelled twice.

/// A `/command` of the desk. Adapters pass what the reader typed as [`super::Event::Command`]'s
/// name; [`Command::named`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Start,
    Help,
    Ask,
    /// The reply language (`/lang`, also `/language` and `/bahasa`).
    Lang,
    Articles,
    Subscribe,
    Unsubscribe,
    Human,
    Cancel,
    // Admins' commands.
    Add,
    Remove,
    Stats,
    Unanswered,
    Feeds,
    FeedAdd,
    FeedRemove,
    // The support chat's commands.
    Tickets,
    Close,
}

/// The command menus registered with `setMyCommands`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Every reader's menu.
    Reader,
    /// Admins' own menu, after the readers' commands.
    Admin,
}

impl Command {
    const ALL: [Command; 18] = [
        Command::Start,
        Command::Help,
        Command::Ask,
        Command::Lang,
        Command::Articles,
        Command::Subscribe,
        Command::Unsubscribe,
        Command::Human,
        Command::Cancel,
        Command::Add,
        Command::Remove,
        Command::Stats,
        Command::Unanswered,
        Command::Feeds,
        Command::FeedAdd,
        Command::FeedRemove,
        Command::Tickets,
        Command::Close,
    ];

    /// The name a menu shows and a reader types (without the `/`).
    pub fn name(self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Help => "help",
            Command::Ask => "ask",
            Command::Lang => "lang",
            Command::Articles => "articles",
            Command::Subscribe => "subscribe",
            Command::Unsubscribe => "unsubscribe",
            Command::Human => "human",
            Command::Cancel => "cancel",
            Command::Add => "add",
            Command::Remove => "remove",
            Command::Stats => "stats",
            Command::Unanswered => "unanswered",
            Command::Feeds => "feeds",
            Command::FeedAdd => "feed_add",
            Command::FeedRemove => "feed_remove",
            Command::Tickets => "tickets",
            Command::Close => "close",
        }
    }

    /// The menu that lists the command; `None` for the support chat's commands, which staff
    /// learn from the ticket texts.
    pub fn menu(self) -> Option<Menu> {
        match self {
            Command::Start
            | Command::Help
            | Command::Ask
            | Command::Lang
            | Command::Articles
            | Command::Subscribe
            | Command::Unsubscribe
            | Command::Human
            | Command::Cancel => Some(Menu::Reader),
            Command::Add
            | Command::Remove
            | Command::Stats
            | Command::Unanswered
            | Command::Feeds
            | Command::FeedAdd
            | Command::FeedRemove => Some(Menu::Admin),
            Command::Tickets | Command::Close => None,
        }
    }

    /// The commands `menu` lists, in the menu's order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Command> {
        Command::ALL
            .into_iter()
            .filter(move |c| c.menu() == Some(menu))
    }

    /// The command a typed name means, in any case; `None` for a name the desk does not know
    /// (in a group most likely another bot's command).
    pub fn named(name: &str) -> Option<Command> {
        let name = name.to_lowercase();
        // The language command under the names a reader of either language may guess.
        if name == "language" || name == "bahasa" {
            return Some(Command::Lang);
        }
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_found_by_its_own_name_in_any_case() {
        for command in Command::ALL {
            assert_eq!(Command::named(command.name()), Some(command));
            assert_eq!(
                Command::named(&command.name().to_uppercase()),
                Some(command)
            );
        }
    }

    #[test]
    fn the_language_command_has_other_names_and_unknown_names_are_none() {
        assert_eq!(Command::named("bahasa"), Some(Command::Lang));
        assert_eq!(Command::named("Language"), Some(Command::Lang));
        assert_eq!(Command::named("weather"), None);
    }
}
