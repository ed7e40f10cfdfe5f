#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The journeys a person makes in Trellis, made with a real keyboard and pointer.

Runs the real `trellis` on a display of its own with a window manager, types and clicks with
xdotool, reads the window through the accessibility tree, and checks the database afterwards
through `trellisctl` (as an auditor would). Prints TAP. Run inside dbus-run-session:

  dbus-run-session -- tests/real/test-journeys.py BUILDDIR [JOURNEY…]
"""

import calendar
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402
from trellis_driver import App, Display, DriverError, frame_of, role, name, text_of, log, xdotool  # noqa: E402

DEMO_PASSWORD = "trellis-demo"

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "_build"
ONLY = sys.argv[2:]
TRELLIS = os.path.join(BUILD, "src", "app", "trellis")
TRELLISCTL = os.path.join(BUILD, "src", "cli", "trellisctl")
SHOTS = os.environ.get("TRELLIS_PNG_DIR", BUILD)


# TAP goes to its own descriptor when the suite asks (daemons share standard output)
TAP = os.fdopen(int(os.environ["TRELLIS_TAP_FD"]), "w") if "TRELLIS_TAP_FD" in os.environ \
    else sys.stdout


def tap(line):
    print(line, file=TAP, flush=True)


def sensitive(acc):
    """Whether a control can be used now (a greyed-out button cannot)."""
    return acc.getState().contains(pyatspi.STATE_SENSITIVE)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Home:
    """A data folder of our own, where the window keeps its databases."""

    def __init__(self):
        self.apps = []
        self.dir = tempfile.mkdtemp(prefix="trellis-real-")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)

    def env(self):
        return {
            "XDG_DATA_HOME": self.data,
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "HOME": self.dir,
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(BUILD, "data"),
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "LC_ALL": "C.UTF-8",
        }

    def db(self, name="home.db"):
        return os.path.join(self.data, "trellis", name)

    def launch(self, prefix, *args):
        app = App(TRELLIS, args=args, env=self.env(), shots=SHOTS, name_prefix=prefix + "-")
        self.apps.append(app)
        return app

    def ctl(self, db, user, password, *args, check_ok=True):
        env = dict(os.environ, TRELLIS_USER=user, TRELLIS_PASSWORD=password, LC_ALL="C.UTF-8")
        env.pop("TRELLIS_NEW_PASSWORD", None)
        r = subprocess.run([TRELLISCTL, "--db", db, "--format", "json", *args], env=env,
                           capture_output=True, text=True, timeout=60)
        if check_ok and r.returncode != 0:
            raise AssertionError(f"trellisctl {' '.join(args)} failed: {r.stderr}")
        return json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else r

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def audit(home, db, user="manager", password=DEMO_PASSWORD, **match):
    rows = home.ctl(db, user, password, "audit", "list")
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


# ---- journeys -------------------------------------------------------------------------------

JOURNEYS = []


def journey(fn):
    JOURNEYS.append(fn)
    return fn


def make_demo(home):
    db = home.db("demo.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    r = subprocess.run([TRELLISCTL, "--db", db, "demo", "--children", "24", "--seed", "2026"],
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    return db


def child_as_stored(home, db, child_id):
    """A child's details read back from the database (the listing: reading one child with
    `trellisctl child` would itself be a look at the record in the audit trail)."""
    return [c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children", "--all")
            if c["id"] == child_id][0]


def sign_in_by_keyboard(app, display_name, password):
    """Choose a person on the sign-in page with the arrow keys and type their password."""
    people = app.find("list item", display_name)
    # the first Tab stop on the page is the list: arrows move inside it
    app.wait(lambda: app.focused() is not None and role(app.focused()) in ("list item", "list"),
             what="the list of people to have the keyboard focus")
    app.press_until("Down", display_name, limit=30)
    app.key("Return")
    entry = app.find("text", "Password")
    app.type_into(entry, password)
    app.key("Return")


@journey
def demo_manager_by_keyboard(home):
    """Sign in as the demo manager by typing, search by typing, open a child with Enter,
    edit and save with Ctrl+S, be refused a future date of birth, lock with Ctrl+L and let
    someone else sign in, quit with Ctrl+Q. Only the keyboard."""
    db = make_demo(home)
    app = home.launch("keyboard", "--database", db)
    try:
        app.find("label", "Who Is Signing In?")
        app.look("sign-in")
        sign_in_by_keyboard(app, "Joanne Mensah", DEMO_PASSWORD)
        app.find("label", "Signed in: Joanne Mensah")  # in the header, long after the toast
        app.look("children")

        app.key("ctrl+f")
        app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
        app.type("Beatriz")
        row = app.find("list item", contains="Beatriz Santos")
        app.wait(lambda: len(app.find_all("list item")) == 1, what="the list to show one child")
        app.key("Down")
        app.wait(lambda: "Beatriz" in name(app.focused()), what="the row to have focus")
        # the list is one Tab stop: Tab leaves it, Shift+Tab comes back to the same row
        app.key("Escape")
        app.key("ctrl+f")
        app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
        app.key("Tab")
        app.wait(lambda: "Beatriz" in name(app.focused()), what="Tab to reach the list")
        app.key("Tab")
        app.wait(lambda: role(app.focused()) != "list item", what="Tab to leave the list")
        app.key("shift+Tab")
        app.wait(lambda: "Beatriz" in name(app.focused()), what="Shift+Tab to come back")
        app.key("Return")
        app.find("label", contains="Beatriz Santos")
        app.find("label", "Date of birth")
        app.look("child")
        views = audit(home, db, action="view-child")
        child = [c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if c["given_name"] == "Beatriz"][0]
        check(len([v for v in views if v["child_id"] == child["id"]]) == 1,
              f"opening a child once writes one view, found {views}")

        # edit and save with the keyboard
        app.key("ctrl+e")
        editor = app.window("Edit Child")
        # the editor starts in its first field: what is typed lands there
        first = app.find("text", "First name (legal)", root=editor)
        app.key("End")
        app.type_into(first, "x")
        app.key("BackSpace")
        check(text_of(first) == "Beatriz", "the first name is as it was")
        app.key("Tab", "Tab")
        preferred = app.find("text", "Preferred name, if different", root=editor)
        app.type_into(preferred, "Bea")
        app.key("ctrl+s")
        app.window_gone("Edit Child")
        app.wait(lambda: app.frames()[0].getState().contains(pyatspi.STATE_ACTIVE),
                 what="the main window to have the keyboard again")
        app.find("label", contains="Saved")
        after = child_as_stored(home, db, child["id"])
        check(after["preferred_name"] == "Bea", f"the preferred name was saved: {after}")
        views = [v for v in audit(home, db, action="view-child") if v["child_id"] == child["id"]]
        check(len(views) == 1, f"saving writes no extra views, found {len(views)}")

        # a date of birth in the future is refused and nothing changes
        app.key("ctrl+e")
        editor = app.window("Edit Child")
        app.key("Tab", "Tab", "Tab")
        born = app.find("text", "Date of birth", root=editor)
        app.key("ctrl+a")
        app.type_into(born, "1 January 2031")
        app.key("ctrl+s")
        app.find(contains="future")
        app.look("future-refused")
        again = child_as_stored(home, db, child["id"])
        check(again["date_of_birth"] == child["date_of_birth"], "a refused date changes nothing")
        app.key("Escape")
        discard = app.find("push button", contains="Discard")
        app.look("discard")
        app.key("Tab") if name(app.focused()) != name(discard) else None
        app.click(discard)
        app.window_gone("Edit Child")
        # the keyboard is back in the main window, whatever the window manager does
        app.wait(lambda: app.frames()[0].getState().contains(pyatspi.STATE_ACTIVE),
                 what="the main window to have the keyboard again")

        # the shortcuts window
        app.key("ctrl+question")
        app.window("Keyboard Shortcuts")
        app.look("shortcuts")
        app.key("Escape")
        app.window_gone("Keyboard Shortcuts")

        # change the Link Worker by keyboard: Tab to the button beside the history
        app.press_until("Tab", "Change…")
        app.key("Return")
        app.find("label", contains="Santos’s Link Worker")
        app.key("space")                               # New Link Worker: opens its list
        app.find(name_="GtkPopover")
        app.press_until("Down", "Tom Reid", limit=20)
        app.key("Return")
        app.absent(name_="GtkPopover")
        app.key("Tab")
        app.key("space")                               # Reason
        app.find(name_="GtkPopover")
        app.key("Down", "Return")
        app.absent(name_="GtkPopover")
        app.key("Tab")                                 # From: today; Enter changes
        app.key("Return")
        app.find("label", "Link Worker changed")
        check(child_as_stored(home, db, child["id"])["link_worker"] == "Tom Reid",
              "Tom Reid is the Link Worker, chosen by keyboard")

        # lock, and someone else signs in
        app.key("ctrl+l")
        app.find("label", "Locked by Joanne Mensah")
        app.look("locked")
        check("Beatriz" not in app.screen_text(), "a locked window shows no child")
        other = app.find("push button", "Someone Else")
        app.press_until("Tab", "Someone Else", limit=10)
        app.key("Return")
        sign_in_by_keyboard(app, "Sam Carter", DEMO_PASSWORD)
        app.find("label", "Signed in: Sam Carter")
        check(audit(home, db, action="sign-in", staff="Sam Carter"), "Sam's sign-in is audited")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


def click_and_type(app, field, text, replace=False):
    app.click(field)
    if replace:
        app.key("ctrl+a")
    app.type_into(field, text)


def open_main_menu_item(app, label):
    """The header's main menu, by pointer."""
    menus = [m for m in app.find_all("push button", "Main Menu")
             if "focusable" in str(m.getState().getStates()).lower()]
    app.click(menus[-1] if menus else app.find("push button", "Main Menu"))
    app.click(app.wait(lambda: next((a for a in app.find_all(name_=label)
                                     if role(a).endswith("menu item")), None),
                       what=f"the menu item {label!r}"))


def read_recovery_key(app):
    """The new home's recovery key, from the dialog that shows it once: fourteen groups of
    four letters and digits a person can read aloud."""
    app.find("label", "Keep the Recovery Key Safe")
    key = text_of(app.find("label", "Recovery key"))
    check(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}", key or ""),
          f"the recovery key reads as groups of four: {key!r}")
    return key


@journey
def create_home_then_staff_sign_in(home):
    """A new home by pointer (with a mistake on the way), two colleagues' accounts, and the
    new Staff member's first sign-in with the one-time password, by keyboard."""
    app = home.launch("first-run")
    try:
        app.find("label", "Welcome to Trellis")
        app.look("welcome")
        app.click(app.find("push button", "Create a New Home"))
        app.find("label", "First Administrator")
        click_and_type(app, app.find("text", "Name of the home"), "Willow House")
        click_and_type(app, app.find("text", "Your name"), "Dev Anand")
        click_and_type(app, app.find("text", "Username"), "dev anand")
        click_and_type(app, app.find("text", "Password (at least 10 characters)"),
                       "correct horse battery")
        click_and_type(app, app.find("text", "Password again"), "correct horse battery")
        app.click(app.find("push button", "Create Home"))
        app.find(contains="no spaces")
        app.look("create-refused")
        check(not os.path.exists(home.db()), "a refused home leaves no database file behind")
        check(text_of(app.find("text", "Name of the home")) == "Willow House",
              "what was typed stays after a refusal")

        click_and_type(app, app.find("text", "Username"), "dev", replace=True)
        app.click(app.find("push button", "Create Home"))
        app.find("label", "Signed in: Dev Anand")
        # the recovery key, shown once, to be written down before going on
        key = read_recovery_key(app)
        app.look("recovery-key")
        app.click(app.find("push button", "I Have Kept It Safe"))
        app.absent("label", "Keep the Recovery Key Safe")
        check(key not in open(home.db(), "rb").read().decode("latin-1")
              and key not in open(home.db() + ".keyring", "rb").read().decode("latin-1"),
              "the recovery key is in no file")
        check(os.path.exists(home.db()) and not os.path.exists(home.db("home-2.db")),
              "the home is home.db, not home-2.db")
        app.look("home-created")

        # two colleagues' accounts, by pointer
        open_main_menu_item(app, "Staff Accounts")
        staff_window = app.window("Staff Accounts")
        for full, user, role_label, password in (
                ("Joanne Mensah", "joanne", "Manager", "first-time-jm-2026"),
                ("Sam Carter", "sam", "Staff", "first-time-sam-26")):
            app.click(app.find("push button", "Add Account…", root=staff_window))
            dialog = app.find("label", "Add a Staff Account")
            click_and_type(app, app.find("text", "Full name"), full)
            click_and_type(app, app.find("text", "Username"), user)
            app.click(app.find("combo box", "Role"))
            app.click(app.find("list item", role_label))
            app.absent(name_="GtkPopover")       # a click while it closes would only close it
            click_and_type(app, app.find("text", "One-time password"), password)
            app.look("add-" + user)
            app.click(app.find("push button", "Add"))
            app.absent("label", "Add a Staff Account")
        accounts = {a["username"]: a for a in home.ctl(home.db(), "dev", "correct horse battery",
                                                       "staff", "list")}
        check(accounts.get("joanne", {}).get("role") == "manager", f"Joanne is a Manager: {accounts}")
        check(accounts.get("sam", {}).get("role") == "staff", f"Sam is Staff: {accounts}")

        # lock Joanne's account by hand (the first row with a Lock button: Dev's own row has
        # none), and unlock it: her right password is refused, then heard again
        app.click(app.find("push button", "Lock", root=staff_window))
        app.find("push button", "Unlock", root=staff_window)
        app.look("locked-joanne")
        said = home.ctl(home.db(), "joanne", "first-time-jm-2026", "children", check_ok=False)
        check(isinstance(said, subprocess.CompletedProcess) and "locked" in said.stderr,
              f"a locked account's right password is refused: {getattr(said, 'stderr', said)}")
        app.click(app.find("push button", "Unlock", root=staff_window))
        app.absent("push button", "Unlock")
        said = home.ctl(home.db(), "joanne", "first-time-jm-2026", "children", check_ok=False)
        check(isinstance(said, subprocess.CompletedProcess) and "own password" in said.stderr,
              f"unlocked, she signs in again: {getattr(said, 'stderr', said)}")
        app.key("Escape")
        app.window_gone("Staff Accounts")

        open_main_menu_item(app, "Sign Out")
        app.find("label", "Who Is Signing In?")

        # Sam's first sign-in, by keyboard: the one-time password, then his own
        sign_in_by_keyboard(app, "Sam Carter", "first-time-sam-26")
        app.find("label", "Choose Your Own Password")
        new = app.find("text", "New password")
        app.type_into(new, "sams own passphrase")
        app.key("Tab")
        again = app.find("text", "New password again")
        app.type_into(again, "sams own passphrase")
        check("sams own" not in app.screen_text(), "the password is never shown on screen")
        app.look("choose-password")
        app.key("Return")
        app.find("label", "Signed in: Sam Carter")
        # read back as Sam himself: his own password opens the home, the one-time one no longer
        mine = home.ctl(home.db(), "sam", "sams own passphrase", "children", check_ok=False)
        check(not isinstance(mine, subprocess.CompletedProcess),
              f"Sam signs in with his own password: {getattr(mine, 'stderr', '')}")
        old = home.ctl(home.db(), "sam", "first-time-sam-26", "children", check_ok=False)
        check(isinstance(old, subprocess.CompletedProcess) and old.returncode != 0
              and "not right" in old.stderr,
              f"the one-time password no longer works: {getattr(old, 'stderr', '')}")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def create_home_by_keyboard(home):
    """A new home with the keyboard alone: Enter moves from field to field and creates it;
    a refusal puts the keyboard where the mistake is."""
    app = home.launch("keyboard-home")
    try:
        app.find("label", "Welcome to Trellis")
        app.wait(lambda: name(app.focused()) == "Create a New Home",
                 what="the welcome page to start on Create a New Home")
        app.key("Return")
        app.type_into(app.find("text", "Name of the home"), "Rowan House")
        app.key("Return")
        app.type_into(app.find("text", "Your name"), "Ada Okoro")
        app.key("Return")
        app.type_into(app.find("text", "Username"), "ada")
        app.key("Return")
        app.type_into(app.find("text", "Password (at least 10 characters)"), "rowan house admin")
        app.key("Return")
        app.type_into(app.find("text", "Password again"), "rowan house admn")
        app.key("Return")
        app.find(name_="The two passwords are not the same")
        again = app.find("text", "Password again")
        app.key("ctrl+a")
        app.type_into(again, "rowan house admin")
        app.look("home-by-keyboard")
        app.key("Return")
        app.find("label", "Signed in: Ada Okoro")
        read_recovery_key(app)
        app.key("Return")      # the dialog's default: I have kept it safe
        app.absent("label", "Keep the Recovery Key Safe")
        check(home.ctl(home.db(), "ada", "rowan house admin", "staff", "list")[0]["username"] == "ada",
              "the Administrator's account is in the new home")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def old_home_encrypted_by_administrator(home):
    """A home made before Trellis encrypted its records: the Administrator signs in by
    keyboard, the home is encrypted, its recovery key is shown once, and that key then
    resets the Administrator's password from a terminal."""
    db = home.db("old.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    r = subprocess.run([TRELLISCTL, "--db", db, "demo", "--children", "12", "--seed", "7"],
                       env=dict(os.environ, TRELLIS_TEST_UNENCRYPTED="1"),
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    family = home.ctl(db, "manager", DEMO_PASSWORD, "children")[0]["family_name"]
    check(family.encode() in open(db, "rb").read(), "the old home is in plain text")
    check(not os.path.exists(db + ".keyring"), "the old home has no keyring")

    app = home.launch("old-home", "--database", db)
    try:
        sign_in_by_keyboard(app, "Dev Anand", DEMO_PASSWORD)
        app.find("label", "Signed in: Dev Anand")
        key = read_recovery_key(app)
        app.look("old-home-recovery-key")
        app.key("Return")
        app.absent("label", "Keep the Recovery Key Safe")
        check(family.encode() not in open(db, "rb").read(),
              "no child's name is left in plain text in the database")
        check(os.path.exists(db + ".keyring"), "the keyring is beside it")
        check(len(home.ctl(db, "admin", DEMO_PASSWORD, "children")) > 0,
              "the same records open with the Administrator's password")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()

    r = subprocess.run([TRELLISCTL, "--db", db, "recover", "admin"],
                       env=dict(os.environ, TRELLIS_RECOVERY_KEY=key,
                                TRELLIS_NEW_PASSWORD="a recovered long phrase"),
                       capture_output=True, text=True)
    check(r.returncode == 0, f"the recovery key resets the Administrator's password: {r.stderr}")
    again = home.ctl(db, "admin", "a recovered long phrase", "children", check_ok=False)
    check(isinstance(again, subprocess.CompletedProcess) and "own password" in again.stderr,
          f"they sign in with it and must choose their own: {getattr(again, 'stderr', '')}")


@journey
def backup_and_restore_by_administrator(home):
    """An Administrator chooses a USB folder for backups in Preferences by pointer and
    keyboard (the file chooser), backs up now; a colleague then changes the home from a
    terminal; the Administrator restores the backup from Preferences, giving their password,
    and the change is gone, the home as it was kept aside. Signing out backs up again."""
    db = make_demo(home)
    usb = os.path.join(home.dir, "usb")
    os.makedirs(usb)

    def backups():
        return sorted(f for f in os.listdir(usb) if f.endswith(".trellis-backup"))

    def is_locked(username):
        staff = home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")
        return [s for s in staff if s["username"] == username][0]["locked"]

    app = home.launch("backup", "--database", db)
    try:
        sign_in_by_keyboard(app, "Dev Anand", DEMO_PASSWORD)
        app.find("label", "Signed in: Dev Anand")
        open_main_menu_item(app, "Preferences")
        prefs = app.window("Preferences")
        app.click(app.find("push button", "Choose…", root=prefs))
        app.window("Choose the Folder for Backups")
        app.key("ctrl+l")
        app.type(usb + "/")
        # GTK's own file chooser: looked at, its names are GTK's to give
        app.screenshot("backup-folder-chooser")
        app.key("Return")
        app.window_gone("Choose the Folder for Backups")
        app.find("label", usb, root=prefs)
        check(home.ctl(db, "admin", DEMO_PASSWORD, "audit", "list", "--search", "Chose the folder"),
              "choosing the folder is in the audit trail")

        app.click(app.find("push button", "Back Up Now", root=prefs))
        app.find("label", contains="Backed up and checked")
        app.look("backup-made")
        check(len(backups()) == 1, f"one backup in the folder: {backups()}")
        made = os.path.join(usb, backups()[0])
        check(os.path.exists(made + ".keyring"), "its keyring beside it")
        app.key("Escape")
        app.window_gone("Preferences")

        # a colleague changes the home from a terminal while the window is open
        r = subprocess.run([TRELLISCTL, "--db", db, "--user", "manager", "staff", "lock", "visitor"],
                           env=dict(os.environ, TRELLIS_PASSWORD=DEMO_PASSWORD),
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 0, r.stderr)
        check(is_locked("visitor"), "the visitor's account is locked now")

        open_main_menu_item(app, "Preferences")
        prefs = app.window("Preferences")
        app.click(app.find("push button", "Restore…", root=prefs))
        app.window("Choose a Backup to Restore")
        app.key("ctrl+l")
        app.type(made)
        app.key("Return")
        app.window_gone("Choose a Backup to Restore")
        app.find("label", "Restore From This Backup?")
        password = app.find("password text", "Your password when the backup was made")
        app.look("restore-asked")
        app.type(DEMO_PASSWORD)
        app.key("Return")
        app.find("label", "Who Is Signing In?", timeout=30)
        app.find("label", contains="Restored from")
        app.look("restored")
        sign_in_by_keyboard(app, "Dev Anand", DEMO_PASSWORD)
        app.find("label", "Signed in: Dev Anand")
        check(not is_locked("visitor"), "restored: the visitor's account is as the backup had it")
        aside = [f for f in os.listdir(os.path.dirname(db))
                 if f.startswith("demo.db.before-restore-") and not f.endswith(".keyring")]
        check(len(aside) == 1, f"the home as it was is kept aside: {aside}")
        check(home.ctl(db, "admin", DEMO_PASSWORD, "audit", "list", "--search", "Restored the home"),
              "the restore is in the audit trail")
        r = subprocess.run([TRELLISCTL, "--db", db, "--user", "admin", "audit", "verify"],
                           env=dict(os.environ, TRELLIS_PASSWORD=DEMO_PASSWORD),
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 0, f"the restored home's audit trail verifies: {r.stderr}")

        before = len(backups())
        open_main_menu_item(app, "Sign Out")
        app.find("label", "Who Is Signing In?")
        app.wait(lambda: len(backups()) == before + 1, what="a backup at sign-out")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


def long_date(day):
    """A date as Trellis shows it: "14 March 2026"."""
    return f"{day.day} {day:%B %Y}"


def add_months(day, months):
    """Calendar months on, a day past the month's end falling on its last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def open_key_child_by_keyboard(app, worker, child, full):
    """Sign in as @worker by keyboard, find their key child by typing their name (Ctrl+F)
    and open the child's page with Enter."""
    sign_in_by_keyboard(app, worker, DEMO_PASSWORD)
    app.find("label", f"Signed in: {worker}")
    app.key("ctrl+f")
    app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
    app.type(child["given_name"])
    app.find("list item", contains=full)
    app.key("Down")
    app.wait(lambda: full in name(app.focused()), what="the row to have focus")
    app.key("Return")


@journey
def health_check_by_link_worker(home):
    """A Link Worker signs in by keyboard, opens their key child by typing, Tabs to the
    health checks' Record… and records a dental check: a date that does not exist is refused
    under the date, with the notes kept; the right one is kept, shown with when the next is
    due, and read back from a terminal."""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    child = next(c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if staff.get(c["link_worker"], {}).get("role") == "staff")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"
    before = len(home.ctl(db, "manager", DEMO_PASSWORD, "health", str(child["id"])))

    app = home.launch("health", "--database", db)
    try:
        open_key_child_by_keyboard(app, worker, child, full)
        app.find("label", "Health")
        app.press_until("Tab", "Record…", limit=80)
        app.look("health-section")
        app.key("Return")
        dialog = app.find("label", "Record Health Care")
        app.click(app.find("combo box", "Check"))
        # the choice in the popover, not the page's own "Dental check" row behind it
        app.click(app.find("list item", "Dental check", root=app.find(name_="GtkPopover")))
        app.absent(name_="GtkPopover")
        date = app.find("text", "Date (for example 20/11/2026)")
        click_and_type(app, date, "31/02/2026", replace=True)
        notes = app.find("text", "Notes (optional)")
        click_and_type(app, notes, "Two fillings")
        app.click(app.find("push button", "Record"))
        app.find("label", contains="February 2026 has 28 days")
        app.look("health-date-refused")
        check(text_of(notes) == "Two fillings", f"the notes are kept: {text_of(notes)!r}")
        check(len(home.ctl(db, "manager", DEMO_PASSWORD, "health", str(child["id"]))) == before,
              "nothing was recorded")
        # today, so that it is the newest check whatever day the demo was made on
        today = datetime.date.today()
        click_and_type(app, date, f"{today:%d/%m/%Y}", replace=True)
        app.click(app.find("push button", "Record"))
        app.absent("label", "Record Health Care")
        app.find("label", contains="Recorded in the child")
        # scroll down to the rows with the mouse wheel, as a person would (from the section's
        # own button: the page's section buttons also read "Health")
        app.hover(app.find("push button", "Record…"))
        for _ in range(6):
            xdotool("click", "5")
        app.find("label", f"Last: {long_date(today)} · Next due: {long_date(add_months(today, 6))}")
        app.look("health-recorded")

        # a new GP: the note becomes the practice's name
        app.click(app.find("push button", "Record…"))
        app.find("label", "Record Health Care")
        app.click(app.find("combo box", "Check"))
        app.click(app.find("list item", "GP registration", root=app.find(name_="GtkPopover")))
        app.absent(name_="GtkPopover")
        click_and_type(app, app.find("text", "Practice"), "Riverside Health Centre")
        app.click(app.find("push button", "Record"))
        app.absent("label", "Record Health Care")
        app.find("label", f"Riverside Health Centre · since {long_date(today)}")
        app.look("health-registered")
        kept = home.ctl(db, "manager", DEMO_PASSWORD, "health", str(child["id"]))
        mine = [r for r in kept if r["notes"] == "Two fillings"]
        check(len(kept) == before + 1 and len(mine) == 1 and mine[0]["check"] == "dental"
              and mine[0]["done_on"] == today.isoformat() and mine[0]["recorded_by"] == worker,
              f"the check is kept, attributed to {worker}: {kept}")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def care_plan_approved_from_awaiting(home):
    """A Link Worker opens their key child's placement plan from the keyboard (Alt+N reaches
    the Plans section, one Tab the plan), adds a sentence and submits it for approval. The
    Manager signs in, opens "Awaiting Your Approval" from the main menu and approves it; the
    versions are read back from a terminal. (Refusals under their fields are the widget
    test's: tests/app/test-care-plans.c.)"""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    manager = next(n for n, s in staff.items() if s["role"] == "manager")
    child = next(c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if staff.get(c["link_worker"], {}).get("role") == "staff")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"

    def placement():
        return next(p for p in home.ctl(db, "manager", DEMO_PASSWORD, "plans", str(child["id"]))
                    if p["kind"] == "placement")
    before = placement()
    added = " Staff sit with them at breakfast."

    app = home.launch("plans", "--database", db)
    try:
        open_key_child_by_keyboard(app, worker, child, full)
        app.find("label", "Plans")
        # the section's New Plan button by its mnemonic; closed, one Tab reaches the plan
        app.key("alt+n", "Escape", "Tab")
        app.wait(lambda: "Placement plan" in (name(app.focused()) or ""),
                 what="the placement plan's row to have focus")
        app.look("plans-section")
        app.key("Return")
        section = app.find("text", "How the home will meet the child’s needs")
        app.key("ctrl+End")
        app.type_into(section, added)
        app.click(app.find("push button", "Submit for Approval"))
        app.absent("push button", "Submit for Approval")
        submitted = placement()
        check(submitted["version"] == before["version"] + 1
              and submitted["status"] == "awaiting-approval"
              and submitted["saved_by"] == worker and submitted["review_on"] == before["review_on"],
              f"submitted by {worker}: {submitted}")

        open_main_menu_item(app, "Sign Out")
        sign_in_by_keyboard(app, manager, DEMO_PASSWORD)
        app.find("label", f"Signed in: {manager}")
        open_main_menu_item(app, "Awaiting Your Approval")
        row = app.find("list item", contains=f"{full}\u2069: Placement plan")
        app.look("awaiting-approval")
        app.click(row)
        app.find("text", "How the home will meet the child’s needs")
        approve = app.find("push button", "Approve")
        app.look("plan-to-approve")
        app.click(approve)
        app.absent("push button", "Approve")
        app.absent("list item", contains=f"{full}\u2069: Placement plan")
        approved = placement()
        check(approved["version"] == before["version"] + 2 and approved["status"] == "approved"
              and approved["saved_by"] == manager, f"approved by {manager}: {approved}")
        shown = home.ctl(db, "manager", DEMO_PASSWORD, "plans", str(child["id"]), "show",
                         str(approved["plan_id"]))
        check(shown["sections"]["needs"].endswith(added.strip()),
              f"the approved text is the Link Worker's: {shown['sections']['needs']!r}")
        app.key("Escape")
        app.absent("label", "Plans awaiting approval")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def complaint_by_link_worker(home):
    """A Link Worker opens their key child by keyboard, goes to Complaints with the file's
    section buttons and records a complaint (a date that does not exist refused under the
    date, the words kept), settles it by pointer with "Not satisfied", then marks fire safety
    as done from Given and told; each read back on the page and from a terminal."""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    child = next(c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if staff.get(c["link_worker"], {}).get("role") == "staff")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"
    cid = str(child["id"])
    before = len(home.ctl(db, "manager", DEMO_PASSWORD, "complaints", cid))
    today = datetime.date.today()

    app = home.launch("complaints", "--database", db)
    try:
        open_key_child_by_keyboard(app, worker, child, full)
        # the file's own way to a section: its button, then Return
        app.press_until("Tab", "Complaints", limit=30)
        app.look("complaints-jump")
        app.key("Return")
        app.wait(lambda: name(app.focused()) == "Add complaint…",
                 what="the keyboard to be at Add complaint…")
        app.key("Return")
        app.find("label", "Record a Complaint")
        date = app.find("text", "Date made (for example 20/11/2026)")
        click_and_type(app, date, "31/02/2026", replace=True)
        click_and_type(app, app.find("text", "Made to (who the child told)"), "Night staff")
        about = app.find("text", "What it is about")
        click_and_type(app, about, "Not allowed to stay up for the match")
        app.click(app.find("push button", "Record"))
        app.find("label", contains="February 2026 has 28 days")
        app.look("complaint-date-refused")
        check(text_of(about) == "Not allowed to stay up for the match",
              f"the words are kept: {text_of(about)!r}")
        check(len(home.ctl(db, "manager", DEMO_PASSWORD, "complaints", cid)) == before,
              "nothing was recorded")
        click_and_type(app, date, f"{today:%d/%m/%Y}", replace=True)
        app.key("Return")
        app.absent("label", "Record a Complaint")
        app.find("label", f"Made {long_date(today)} · Open")
        # scroll down to the new complaint with the mouse wheel, as a person would
        app.hover(app.find("push button", "Add complaint…"))
        for _ in range(8):
            xdotool("click", "5")
        time.sleep(0.5)
        row = app.find(contains="Not allowed to stay up for the match")
        app.look("complaint-recorded")

        # settled, by pointer: open the row and press its Outcome…
        app.click(row)
        app.click(app.find("push button", "Outcome…"))
        app.find("label", "Record the Outcome")
        app.click(app.find("combo box", "The child was"))
        app.click(app.find("list item", "Not satisfied", root=app.find(name_="GtkPopover")))
        app.absent(name_="GtkPopover")
        click_and_type(app, app.find("text", "How it was handled"), "Talked it through")
        click_and_type(app, app.find("text", "Outcome"), "Can stay up for cup finals")
        app.click(app.find("push button", "Record"))
        app.absent("label", "Record the Outcome")
        app.find("label", f"Made {long_date(today)} · Settled {long_date(today)} · Not satisfied")
        app.look("complaint-settled")
        kept = home.ctl(db, "manager", DEMO_PASSWORD, "complaints", cid)
        mine = [c for c in kept if c["about"] == "Not allowed to stay up for the match"]
        check(len(kept) == before + 1 and len(mine) == 1 and mine[0]["made_to"] == "Night staff"
              and mine[0]["satisfied"] == "no" and mine[0]["resolved_on"] == today.isoformat()
              and mine[0]["recorded_by"] == worker, f"the complaint is kept, settled: {mine}")

        # fire safety, from Given and told
        app.click(app.find("push button", "Given and told"))
        app.click(app.find("push button", "Mark done…"))
        app.find("label", "Record What Was Given or Told")
        app.click(app.find("combo box", "What"))
        app.click(app.find("list item", contains="Staying safe",
                           root=app.find(name_="GtkPopover")))
        app.absent(name_="GtkPopover")
        click_and_type(app, app.find("text", "Notes (optional)"), "Walked the fire route")
        app.click(app.find("push button", "Record"))
        app.absent("label", "Record What Was Given or Told")
        app.find("label", contains=f"{long_date(today)} · {worker} · Walked the fire route")
        app.look("given-and-told")
        entries = home.ctl(db, "manager", DEMO_PASSWORD, "checklist", cid)
        check(any(e["item"] == "staying-safe" and e["done_on"] == today.isoformat()
                  and e["notes"] == "Walked the fire route" for e in entries),
              f"fire safety is kept: {entries}")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def goal_and_incident_by_link_worker(home):
    """A Link Worker opens their key child by typing, goes to the first goal's Rate progress…
    with its mnemonic (Alt+T) and rates it by keyboard: 11 is refused under the field with
    nothing kept, 7 is kept and the goal's chart says so to a screen reader. Then Record
    incident… (Alt+I): a missing episode with its return interview, shown on the page and
    read back from a terminal."""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    children = [c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                if staff.get(c["link_worker"], {}).get("role") == "staff"]
    child = goals = None
    for c in children:
        goals = home.ctl(db, "manager", DEMO_PASSWORD, "goals", str(c["id"]))["goals"]
        if goals:
            child = c
            break
    check(child is not None, "a demo child of a Link Worker has goals")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"
    goal = goals[0]
    today = datetime.date.today()

    app = home.launch("goals", "--database", db)
    try:
        sign_in_by_keyboard(app, worker, DEMO_PASSWORD)
        app.find("label", f"Signed in: {worker}")
        app.key("ctrl+f")
        app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
        app.type(child["given_name"])
        app.find("list item", contains=full)
        app.key("Down")
        app.wait(lambda: full in name(app.focused()), what="the row to have focus")
        app.key("Return")
        app.find("label", "Goals")
        # the first goal's Rate progress…, by its mnemonic: every goal's has it, the first first
        app.key("alt+t")
        app.wait(lambda: name(app.focused()) == "Rate progress…",
                 what="Rate progress… to have focus")
        app.look("goals-section")
        app.key("Return")
        app.find("label", "Rate Progress")
        app.find("label", contains=goal["what"])
        # the dialog opens with the keyboard in the rating's field
        rating = app.find("text", "Rating, from 1 to 10")
        app.type("11")
        app.key("Return")
        app.find("label", "Enter a number from 1 to 10")
        app.look("goal-rating-refused")
        kept = home.ctl(db, "manager", DEMO_PASSWORD, "goals", str(child["id"]))["goals"][0]
        check(len(kept["ratings"]) == len(goal["ratings"]), "nothing was recorded")
        # the refusal put the keyboard back in the field
        app.key("ctrl+a")
        app.type("7")
        check(text_of(rating) == "7", f"typed into the rating's field: {text_of(rating)!r}")
        app.key("Return")
        app.absent("label", "Rate Progress")
        n = len(goal["ratings"]) + 1
        first = goal["ratings"][0]["rating"] if goal["ratings"] else 7
        words = (f"{n} ratings from {first} to 7, target {goal['target']}" if n > 1
                 else f"1 rating of 7, target {goal['target']}")
        app.wait(lambda: any(getattr(c, "description", "") == words
                             for c in app.find_all("image", "Progress chart")),
                 what=f"a chart to say {words!r}")
        app.look("goal-rated")
        kept = home.ctl(db, "manager", DEMO_PASSWORD, "goals", str(child["id"]))["goals"][0]
        last = kept["ratings"][-1]
        check(len(kept["ratings"]) == n and last["rating"] == 7
              and last["rated_on"] == today.isoformat() and last["recorded_by"] == worker,
              f"the rating is kept, attributed to {worker}: {kept}")

        # an incident: Record incident… by its mnemonic
        app.key("alt+i")
        app.find("label", "Record Incident")
        app.click(app.find("combo box", "Kind"))
        app.click(app.find("list item", "Missing from care", root=app.find(name_="GtkPopover")))
        app.absent(name_="GtkPopover")
        # the rest by keyboard, field after field: the date is today's already
        app.key("Tab", "Tab")
        app.type("21.05")
        app.key("Tab")
        app.type("Did not come back from school")
        app.key("Tab")
        app.type(f"{today:%d/%m/%Y}")
        app.key("Tab")
        app.type("Amira Haddad")
        app.key("Tab")
        app.type("Went to see my friends")
        app.look("incident-dialog")
        app.key("Return")
        app.absent("label", "Record Incident")
        app.find("label", f"Missing from care · {long_date(today)}, 21:05")
        # scroll down to it with the mouse wheel, as a person would
        app.hover(app.find("label", "Goals"))
        for _ in range(8):
            xdotool("click", "5")
        app.look("incident-recorded")
        incidents = home.ctl(db, "manager", DEMO_PASSWORD, "incidents", str(child["id"]))
        mine = [i for i in incidents["incidents"] if i["what"] == "Did not come back from school"]
        check(len(mine) == 1 and mine[0]["kind"] == "missing" and mine[0]["time"] == "21:05"
              and mine[0]["interview_on"] == today.isoformat()
              and mine[0]["child_said"] == "Went to see my friends"
              and mine[0]["recorded_by"] == worker, f"the incident is kept: {mine}")
        check(incidents["per_month"][-1]["missing"] >= 1, "counted this month")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


@journey
def person_by_link_worker(home):
    """A Link Worker opens their key child by typing, presses Alt+P for "Add person…" and,
    by keyboard alone, adds the child's mother with Polish as her preferred language, an
    interpreter needed and "Supervised contact only"; the page shows the arrangement in
    words beside her, and the database holds what was typed, attributed."""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    child = next(c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if staff.get(c["link_worker"], {}).get("role") == "staff")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"
    before = home.ctl(db, "manager", DEMO_PASSWORD, "people", str(child["id"]))

    app = home.launch("people", "--database", db)
    try:
        sign_in_by_keyboard(app, worker, DEMO_PASSWORD)
        app.find("label", f"Signed in: {worker}")
        app.key("ctrl+f")
        app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
        app.type(child["given_name"])
        app.find("list item", contains=full)
        app.key("Down")
        app.wait(lambda: full in name(app.focused()), what="the row to have focus")
        app.key("Return")
        app.find("label", "People")
        app.key("alt+p")
        app.find("label", "Add a Person")
        name_field = app.find("text", "Name")
        app.type_into(name_field, "Agnieszka Kowalska")
        # the relationship: its list opens on the key, Home goes to the first, Mother
        app.press_until("Tab", "Relationship or role", limit=5)
        app.key("space")
        app.find(name_="GtkPopover")
        app.key("Home", "Return")
        app.absent(name_="GtkPopover")
        app.press_until("Tab", "Contact arrangement", limit=10)
        app.key("space")
        app.find(name_="GtkPopover")
        app.key("Down", "Return")
        app.absent(name_="GtkPopover")
        # past the two notes of the arrangement (GTK 4.8 does not say when the focus is in an
        # entry row: what is typed landing in the field is the proof)
        app.key("Tab", "Tab", "Tab")
        app.type_into(app.find("text", "Preferred language"), "Polish")
        app.press_until("Tab", "Interpreter needed", limit=5)
        app.key("space")
        app.look("person-typed")
        app.key("ctrl+s")
        app.absent("label", "Add a Person")
        row = app.find(contains="Agnieszka Kowalska")
        # down to her, with the mouse wheel over the page
        app.hover(app.find("label", "Personal details"))
        for _ in range(14):
            xdotool("click", "5")
        words = " ".join(app.texts())
        check("Speaks Polish · Interpreter needed" in words and "Supervised contact only" in words,
              f"the page shows her language and the arrangement in words: {words[:400]!r}")
        app.look("person-added")

        people = home.ctl(db, "manager", DEMO_PASSWORD, "people", str(child["id"]))
        mine = [p for p in people if p["name"] == "Agnieszka Kowalska"]
        check(len(people) == len(before) + 1 and len(mine) == 1, f"one person added: {people}")
        p = mine[0]
        check(p["relationship"] == "mother" and p["language"] == "Polish" and p["interpreter"]
              and p["restriction"] == "supervised" and p["version"] == 1
              and p["recorded_by"] == worker, f"kept as typed, attributed to {worker}: {p}")
        added = audit(home, db, action="add-person", child_id=child["id"])
        check(len(added) >= 1 and added[0]["staff"] == worker, f"audited: {added[:1]}")
        check(row is not None, "her row is on the page")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


def school_term(day):
    """The term a day falls in, as Trellis spells it: Autumn from September, Spring from
    January, Summer from 15 April."""
    if day.month >= 9:
        return f"Autumn {day.year}"
    if day.month > 4 or (day.month == 4 and day.day >= 15):
        return f"Summer {day.year}"
    return f"Spring {day.year}"


@journey
def attendance_and_appointment_by_link_worker(home):
    """A Link Worker opens their key child by typing, records a term's attendance from the
    Education section's Add… (Alt+D): more sessions attended than possible is refused under
    that field with everything typed kept; 107 of 120 is kept, shown as persistent absence.
    Then an appointment from the health section's Appointment… (Alt+A), shown as upcoming;
    both read back from a terminal."""
    db = make_demo(home)
    staff = {s["display_name"]: s for s in home.ctl(db, "admin", DEMO_PASSWORD, "staff", "list")}
    child = next(c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children")
                 if staff.get(c["link_worker"], {}).get("role") == "staff")
    worker = child["link_worker"]
    full = f"{child['preferred_name'] or child['given_name']} {child['family_name']}"
    today = datetime.date.today()
    term = school_term(today)
    soon = today + datetime.timedelta(days=9)

    app = home.launch("school", "--database", db)
    try:
        sign_in_by_keyboard(app, worker, DEMO_PASSWORD)
        app.find("label", f"Signed in: {worker}")
        app.key("ctrl+f")
        app.wait(lambda: role(app.focused()) == "entry", what="the search field to have focus")
        app.type(child["given_name"])
        app.find("list item", contains=full)
        app.key("Down")
        app.wait(lambda: full in name(app.focused()), what="the row to have focus")
        app.key("Return")
        app.find("label", "Education")

        # a term's attendance: the kind first, then the term and the sessions
        app.key("alt+d")
        app.find("label", "Add to Education File")
        app.wait(lambda: role(app.focused()) == "combo box", what="What to have the focus")
        app.key("space")
        app.find("list item", "Attendance", root=app.find(name_="GtkPopover"))
        app.key("Down", "Return")
        app.absent(name_="GtkPopover")
        # (GTK 4.8 tells AT-SPI nothing of the focus inside an entry row: each is clicked, as
        # in the health journey, and typed into)
        click_and_type(app, app.find("text", "Term (for example Autumn 2026)"), term.lower())
        click_and_type(app, app.find("text", "Sessions possible"), "120")
        click_and_type(app, app.find("text", "Sessions attended"), "130")
        app.key("Return")
        app.find("label", contains="Sessions attended (130) cannot be more than")
        app.look("attendance-refused")
        check(text_of(app.find("text", "Term (for example Autumn 2026)")) == term.lower(),
              "the term typed is kept")
        attended = app.find("text", "Sessions attended")
        click_and_type(app, attended, "107", replace=True)
        app.click(app.find("push button", "Record"))
        app.absent("label", "Add to Education File")
        # down to the Education section with the mouse wheel, as a person would
        app.hover(app.find("label", "Personal details"))
        for _ in range(14):
            xdotool("click", "5")
        app.find("label", f"Attendance, {term}")
        app.find("label", "89.1 % (107 of 120 sessions)")
        app.find("label", "Persistent absence")
        app.look("attendance-recorded")

        # an appointment to come, by keyboard from the health section
        app.key("alt+a")
        app.find("label", "Add Appointment")
        click_and_type(app, app.find("text", "Date (for example 20/11/2026)"), f"{soon:%d/%m/%Y}")
        click_and_type(app, app.find("text", "Time (optional, for example 14:30)"), "10.30")
        click_and_type(app, app.find("text", "With whom (for example Dr Okafor, CAMHS)"),
                       "Dr Okafor, CAMHS")
        click_and_type(app, app.find("text", "Purpose"), "Sleep review")
        app.key("Return")
        app.absent("label", "Add Appointment")
        app.hover(app.find("label", "Education"))
        for _ in range(4):
            xdotool("click", "4")
        app.find("label", f"{long_date(soon)} at 10:30 · Dr Okafor, CAMHS")
        app.find("label", "Sleep review · Upcoming")
        app.look("appointment-recorded")

        kept = home.ctl(db, "manager", DEMO_PASSWORD, "education", str(child["id"]))
        mine = [r for r in kept if r["kind"] == "attendance" and r["title"] == term
                and r["possible"] == 120]
        check(len(mine) == 1 and mine[0]["attended"] == 107 and mine[0]["recorded_by"] == worker,
              f"the term's attendance is kept, attributed to {worker}: {mine}")
        booked = [a for a in home.ctl(db, "manager", DEMO_PASSWORD, "health", str(child["id"]),
                                      "appointments") if a["purpose"] == "Sleep review"]
        check(len(booked) == 1 and booked[0]["date"] == soon.isoformat()
              and booked[0]["time"] == "10:30" and booked[0]["with_whom"] == "Dr Okafor, CAMHS"
              and booked[0]["recorded_by"] == worker, f"the appointment is kept: {booked}")
        check(audit(home, db, action="record-attendance", staff=worker)
              and audit(home, db, action="record-appointment", staff=worker),
              "both are in the audit trail, as the Link Worker's")
        app.key("ctrl+q")
        check(app.wait_exit() == 0, "Ctrl+Q quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


def views_of(home, db, child_id=None):
    return [v for v in audit(home, db, action="view-child")
            if child_id is None or v["child_id"] == child_id]


@journey
def demo_manager_by_pointer(home):
    """The pointer alone: hovering over the list and a menu over it opens nothing; a click
    opens one record; the Link Worker changes only by deliberate choices; help says what
    is missing; and there is a way out of the demo."""
    db = make_demo(home)
    app = home.launch("pointer", "--database", db)
    try:
        app.click(app.find("list item", "Joanne Mensah"))
        password = app.find("text", "Password")
        app.click(password)
        app.type_into(password, "not the password")
        app.click(app.find("push button", "Sign In"))
        refusal = app.find(contains="not right")
        check(role(refusal) in ("alert", "notification"),
              f"the refusal is an alert a screen reader says at once, not a {role(refusal)}")
        app.look("wrong-password")
        app.click(password)
        app.type_into(password, DEMO_PASSWORD)
        app.click(app.find("push button", "Sign In"))
        app.find("label", "Signed in: Joanne Mensah")
        before = len(views_of(home, db))

        # the pointer passes over rows, and a menu item over the list is clicked
        for row in app.find_all("list item")[:6]:
            app.hover(row)
        open_main_menu_item(app, "Show Children Who Have Left")
        time.sleep(1)
        app.look("hovered")
        check(app.find_all("label", "No Child Selected"), "hovering opened no record")
        check(len(views_of(home, db)) == before,
              "hovering and a menu over the list wrote no view to the audit trail")

        # a click opens exactly one record: the first click after the main menu, too
        row = app.find("list item", contains="Beatriz Santos")
        app.click(row)
        try:
            app.find("label", "Date of birth", timeout=5)
        except DriverError:
            raise AssertionError("the first click after the main menu was swallowed") from None
        child = [c for c in home.ctl(db, "manager", DEMO_PASSWORD, "children", "--all")
                 if c["given_name"] == "Beatriz"][0]
        check(len(views_of(home, db, child["id"])) == 1, "one click, one view")
        app.click(row)
        time.sleep(0.5)
        check(len(views_of(home, db, child["id"])) == 1, "a second click on the open row is no new view")

        # changing the Link Worker takes deliberate choices, and refuses a future date
        app.click(app.find("push button", "Print and More"))
        app.click(app.find("menu item", "Change Link Worker…"))  # over the list, too
        app.find("label", contains="Beatriz Santos’s Link Worker")
        app.look("link-worker-dialog")
        app.click(app.find("combo box", "New Link Worker"))
        offered = [name(i) for i in app.find_all("list item", root=app.find(name_="GtkPopover"))]
        check("Dev Anand" not in offered and "Pat Reeves" not in offered,
              f"only Staff and Managers are offered: {offered}")
        check(child["link_worker"] not in offered, "the current Link Worker is not offered again")
        app.click(app.find("list item", "Sam Carter"))
        app.absent(name_="GtkPopover")
        app.click(app.find("combo box", "Reason"))
        app.click(app.find("list item",
                           "The manager judged a change to be in the child’s best interests"))
        app.absent(name_="GtkPopover")
        change = app.find("push button", "Change")
        app.wait(lambda: sensitive(change),
                 what="Change to be offered once a person and a reason are chosen")
        when = app.find("text", "From")
        app.click(when)
        app.key("ctrl+a")
        app.type_into(when, "1/1/" + str(int(time.strftime("%Y")) + 2))
        app.find(contains="in the future")
        app.wait(lambda: not sensitive(change), what="Change to be withdrawn for a future date")
        app.look("link-worker-future")
        app.click(change)                               # does nothing: nothing is sent
        time.sleep(0.5)
        check(child_as_stored(home, db, child["id"])["link_worker"] == child["link_worker"],
              "a future date changes nothing")
        app.click(when)
        app.key("ctrl+a")
        app.type_into(when, time.strftime("%d/%m/%Y"))
        app.wait(lambda: sensitive(change), what="Change to be offered again")
        app.click(change)
        app.find("label", "Link Worker changed")
        check(child_as_stored(home, db, child["id"])["link_worker"] == "Sam Carter",
              "Sam Carter is the Link Worker now")
        app.look("link-worker-changed")

        # help, where no help viewer is installed, says what to install
        if shutil.which("yelp") is None:
            app.key("F1")
            message = frame_of(app.find("label", "Help Could Not Be Opened"))
            app.look("no-help")
            app.click(app.find("push button", "Close", root=message))
            app.absent("label", "Help Could Not Be Opened")

        # a way out of the demo
        open_main_menu_item(app, "Sign Out")
        app.find("label", "Who Is Signing In?")
        open_main_menu_item(app, "New Home…")
        app.find("label", "First Administrator")
        app.click(app.find("push button", "Back"))
        app.find("push button", "Explore with Demo Data")
        app.look("welcome-again")
        app.click(app.find("push button", "Close", root=app.frames()[0]))
        check(app.wait_exit() == 0, "closing the window quits")
        check(not app.unnamed, "every control has a name: " + "; ".join(app.unnamed))
    finally:
        app.quit()


# ---- runner ---------------------------------------------------------------------------------

def main():
    chosen = [j for j in JOURNEYS if not ONLY or j.__name__ in ONLY]
    for old in os.listdir(SHOTS):
        if old.startswith("real-") and old.endswith(".png"):
            os.unlink(os.path.join(SHOTS, old))
    tap(f"1..{len(chosen)}")
    display = Display()
    failed = 0
    try:
        for i, fn in enumerate(chosen, 1):
            home = Home()
            start = time.monotonic()
            try:
                fn(home)
                tap(f"ok {i} {fn.__name__} ({time.monotonic() - start:.0f} s)")
            except Exception:
                failed += 1
                # the suite's log shows standard error; TAP comments alone are not shown
                print(f"{fn.__name__} failed:", file=sys.stderr)
                traceback.print_exc(file=sys.stderr)
                # and what trellis itself said (warnings, criticals), the last of it
                for app in home.apps:
                    said = app.output().splitlines()[-40:]
                    if said:
                        print("trellis said:\n  " + "\n  ".join(said), file=sys.stderr)
                for line in traceback.format_exc().splitlines():
                    tap("# " + line)
                tap(f"not ok {i} {fn.__name__}")
            finally:
                home.close()
    finally:
        display.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
