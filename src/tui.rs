//! Owning the terminal: raw mode, alternate screen and mouse capture, undone on every
//! way out.
//!
//! [`TerminalGuard`] restores on drop (quit, error, unwinding); [`install_panic_hook`]
//! restores before the panic message is printed so it lands on the normal screen;
//! `app.rs` turns every signal that would end the process ([`ENDING`]) into a clean exit,
//! Ctrl-Z and SIGTSTP into [`suspend`], and SIGCONT into [`reenter`] and a full redraw
//! (after SIGSTOP, which cannot be caught, the shell hands the terminal back in cooked
//! mode). Should the loop be busy, [`spawn_signals`] restores and ends the process
//! itself after [`GRACE`].
//! Events, signals and the results of background work (page loading, search, keywords)
//! arrive on one channel ([`Msg`]).

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::action::Action;

/// The terminal type the reader draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Something for the event loop.
#[derive(Debug)]
pub enum Msg {
    /// A terminal event (key, mouse, resize).
    Input(Event),
    /// A signal that ends the reader (one of [`ENDING`]).
    Signal(i32),
    /// SIGTSTP from outside (`kill -TSTP`): stop as Ctrl-Z does.
    Stop,
    /// SIGCONT: the process was continued (after Ctrl-Z, SIGTSTP or SIGSTOP); the
    /// terminal may be back in cooked mode on the normal screen.
    Continued,
    /// An action from elsewhere (background work).
    Action(Action),
    /// The terminal can no longer be read (it went away): time to leave.
    InputClosed,
}

/// Whether the terminal is in reader mode. Restoring twice must be avoided: a second
/// "leave alternate screen" makes terminals jump back to the saved cursor and write over
/// whatever was printed in between (such as a panic message).
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into reader mode.
pub fn enter() -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Puts the terminal back as it was. Does nothing when already restored; errors are
/// ignored because this runs on the way out (the terminal may be gone after SIGHUP).
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped.
#[derive(Debug)]
pub struct TerminalGuard;

impl TerminalGuard {
    /// Enters reader mode; the returned guard undoes it.
    pub fn new() -> io::Result<Self> {
        // Construct the guard first so a half-done `enter` is still undone.
        let guard = Self;
        enter()?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Makes panics restore the terminal before the message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Stops the process like a shell's Ctrl-Z: restore, stop, re-enter when continued.
pub fn suspend(terminal: &mut Term) -> io::Result<()> {
    restore();
    // SIGTSTP is caught (so that `kill -TSTP` restores first): stop by its default
    // action, which is SIGSTOP, where the kernel would have let SIGTSTP stop us.
    if stop_can_be_undone() {
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    }
    // Execution resumes here after `fg` (SIGCONT).
    reenter(terminal)
}

/// Whether something could continue the process after a stop. The kernel discards
/// SIGTSTP sent to an orphaned process group (no member has a parent in another group
/// of the same session: no job-control shell is there to `fg` it), but SIGSTOP, which
/// a caught SIGTSTP is turned into, would stop it for good. kanbao's group is taken as
/// not orphaned when its parent is in the same session and another group (the shell);
/// where `/proc` cannot tell (not Linux), the stop happens.
fn stop_can_be_undone() -> bool {
    let Some((parent, group, session)) = stat_ids("self") else {
        return true;
    };
    let Some((_, parent_group, parent_session)) = stat_ids(&parent.to_string()) else {
        return true;
    };
    parent_session == session && parent_group != group
}

/// (parent id, process group, session) of process `pid` from `/proc/PID/stat`.
fn stat_ids(pid: &str) -> Option<(u32, u32, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name in parentheses may hold spaces: read after its last `)`.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(1);
    let mut next = || fields.next()?.parse().ok();
    Some((next()?, next()?, next()?))
}

/// Puts the terminal into reader mode again whatever state it is in (after SIGCONT the
/// shell may have restored cooked mode behind crossterm's back, and crossterm's
/// `enable_raw_mode` does nothing while it believes raw mode is on), and forgets what
/// was drawn.
pub fn reenter(terminal: &mut Term) -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    // Forget crossterm's idea of the mode first: this restores the modes saved when
    // reader mode was first entered, then raw mode is entered afresh.
    let _ = disable_raw_mode();
    enter()?;
    clear(terminal)
}

/// Clears the screen and forgets what was drawn, so the next draw paints every cell.
/// (`Terminal::clear` would query the cursor position, whose reply the input thread
/// would swallow.)
pub fn clear(terminal: &mut Term) -> io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Reads terminal events forever on a thread, sending them to `tx`.
pub fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        // Blocking read: no polling, no timer, so an idle reader uses no CPU.
        while let Ok(ev) = event::read() {
            if tx.send(Msg::Input(ev)).is_err() {
                return;
            }
        }
        let _ = tx.send(Msg::InputClosed);
    });
}

/// Signals whose default action ends the process and that may be caught: each restores
/// the terminal first. (SIGKILL cannot be caught; SIGSEGV, SIGBUS, SIGILL and SIGFPE are
/// faults of the process itself; SIGPIPE is ignored by Rust programs; SIGABRT comes from
/// `abort`, after which no thread runs again.)
pub const ENDING: [i32; 13] = {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSYS, SIGTERM, SIGUSR1, SIGUSR2,
        SIGVTALRM, SIGXCPU, SIGXFSZ,
    };
    [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO, SIGSYS,
    ]
};

/// How long the event loop has to leave by itself after an ending signal before the
/// signal thread restores the terminal and ends the process (a key that blocked the
/// loop must not make SIGTERM useless).
pub const GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// Forwards the [`ENDING`] signals to `tx` so the loop exits through the guard, SIGTSTP
/// and SIGCONT so it stops and comes back cleanly, and turns SIGWINCH into a resize.
pub fn spawn_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::signal::{SIGCONT, SIGTSTP};
    spawn_resize_watch(tx.clone())?;
    let mut wanted = ENDING.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let msg = match sig {
                SIGTSTP => Msg::Stop,
                SIGCONT => Msg::Continued,
                _ => {
                    // Should the loop not get to it (a long computation), leave anyway.
                    std::thread::spawn(move || {
                        std::thread::sleep(GRACE);
                        restore();
                        let _ = signal_hook::low_level::emulate_default_handler(sig);
                    });
                    Msg::Signal(sig)
                }
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Sends the terminal's size on every SIGWINCH. crossterm reports resizes too, but its
/// event source drops a resize that becomes ready in the same poll as a key (it returns
/// the key and the signal's readiness is gone), leaving the reader drawn for the old
/// size; a second report of the same size changes nothing.
fn spawn_resize_watch(tx: Sender<Msg>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            let Ok((width, height)) = ratatui::crossterm::terminal::size() else {
                continue;
            };
            if tx
                .send(Msg::Action(Action::ResizeScreen { width, height }))
                .is_err()
            {
                break;
            }
        }
    });
    Ok(())
}
