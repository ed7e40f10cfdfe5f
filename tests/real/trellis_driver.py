# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real `trellis` program as a person does.

A display of its own (Xvfb), a window manager (openbox) so windows get keyboard focus, real X
input (xdotool) and the accessibility tree (AT-SPI through pyatspi) to find what to click and
to read what is on screen. Run it inside `dbus-run-session` so the accessibility bus is ours.

Facts about GTK 4.8 it relies on (see ../shared/TESTING.md): extents are relative to the
window, hidden stack pages stay in the tree with zero extents, STATE_SHOWING is unreliable.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

DEFAULT_TIMEOUT = 15.0


class DriverError(AssertionError):
    pass


def log(*args):
    print("#", *args, flush=True)


class Display:
    """An X server of our own with a window manager on it."""

    def __init__(self, width=1280, height=1024):
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp"],
            pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            number = f.readline().strip()
        if not number:
            raise DriverError("Xvfb did not start")
        self.name = ":" + number
        os.environ["DISPLAY"] = self.name
        self.wm = subprocess.Popen(["openbox", "--sm-disable"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)

    def close(self):
        for p in (self.wm, self.xvfb):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()


def xdotool(*args):
    return subprocess.run(["xdotool", *[str(a) for a in args]], check=True,
                          capture_output=True, text=True).stdout


def visible(acc):
    """Shown and of some size; objects without a size of their own (a GtkStackPage) count
    as visible and their children decide."""
    try:
        if not acc.getState().contains(pyatspi.STATE_VISIBLE):
            return False
    except Exception:
        return False
    try:
        component = acc.queryComponent()
    except NotImplementedError:
        return True
    except Exception:
        return False
    ext = component.getExtents(pyatspi.WINDOW_COORDS)
    return ext.width > 0 and ext.height > 0


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return ""


def name(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""


def text_of(acc):
    """The text of an entry or label."""
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return name(acc)


def is_toplevel(acc):
    try:
        return acc.parent is not None and role(acc.parent) == "application"
    except Exception:
        return False


def frame_of(acc):
    """The window @acc is in (a frame, a dialog, an alert…): the child of the application."""
    a = acc
    while a is not None and not is_toplevel(a):
        a = a.parent
    return a


class App:
    """The running trellis program."""

    def __init__(self, program, args=(), env=None, shots=None, name_prefix=""):
        self.shots = shots
        self.prefix = name_prefix
        self.shot_count = 0
        self.unnamed = []
        full_env = dict(os.environ)
        full_env.update(env or {})
        full_env.pop("GTK_A11Y", None)
        full_env.pop("NO_AT_BRIDGE", None)
        self.log_file = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([program, *args], env=full_env,
                                     stdout=self.log_file, stderr=subprocess.STDOUT)
        self.app = None
        self.app = self.wait(self._find_app, what="trellis on the accessibility bus",
                             timeout=60)
        self.wait(lambda: self.frames(), what="a window")

    # ---- the tree ----------------------------------------------------------------------

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            try:
                if a is not None and a.get_process_id() == self.proc.pid:
                    return a
            except Exception:
                continue
        if self.proc.poll() is not None:
            raise DriverError(f"trellis exited with {self.proc.returncode}:\n{self.output()}")
        return None

    def frames(self):
        out = []
        if self.app is None:
            return out
        for i in range(self.app.childCount):
            f = self.app.getChildAtIndex(i)
            if f is not None and visible(f):
                out.append(f)
        return out

    def window(self, title, timeout=DEFAULT_TIMEOUT):
        """A window or dialog of the program by its title (GTK 4.8 gives an AdwWindow the
        role "filler", so the title is what tells it)."""
        return self.wait(lambda: next((f for f in self.frames() if name(f) == title), None),
                         timeout=timeout, what=f"the window {title!r}")

    def window_gone(self, title, timeout=DEFAULT_TIMEOUT):
        self.wait(lambda: all(name(f) != title for f in self.frames()), timeout=timeout,
                  what=f"the window {title!r} to close")

    def walk(self, root=None, only_visible=True):
        """Every accessible under @root (all windows when None), skipping hidden pages."""
        roots = [root] if root is not None else self.frames()
        stack = list(reversed(roots))
        while stack:
            a = stack.pop()
            if a is None:
                continue
            if only_visible and not visible(a):
                continue
            if only_visible and name(a) == "GtkStackPage" and not self._page_shown(a):
                continue
            yield a
            try:
                n = a.childCount
            except Exception:
                continue
            for i in range(n - 1, -1, -1):
                try:
                    stack.append(a.getChildAtIndex(i))
                except Exception:
                    pass

    def _page_shown(self, page):
        """A stack page that was shown once keeps its size in the tree after the stack moved
        on; ask the window what is really under a few points of the page (GTK answers
        nothing for some points: those do not count)."""
        a = page
        while a is not None and not is_toplevel(a):
            if role(a) == "menu":
                return True   # a popover is a surface of its own: hit tests miss it
            a = a.parent
        frame = frame_of(page)
        points = []
        todo = [page]
        # only points on the page itself: a long page scrolled down has children far above
        # and below it, where a hit test finds the header bar or nothing
        box = None
        for a in (page, page.getChildAtIndex(0) if page.childCount > 0 else None):
            try:
                ext = a.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                if ext.width > 0 and ext.height > 0:
                    box = ext
                    break
            except Exception:
                pass

        def inside(x, y):
            return box is None or (box.x <= x < box.x + box.width and
                                   box.y <= y < box.y + box.height)
        while todo and len(points) < 8:
            a = todo.pop(0)
            try:
                ext = a.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
                if ext.width > 0 and ext.height > 0 and inside(x, y):
                    points.append((x, y))
            except Exception:
                pass
            try:
                todo.extend(a.getChildAtIndex(i) for i in range(min(a.childCount, 4)))
            except Exception:
                pass
        for x, y in points:
            try:
                hit = frame.queryComponent().getAccessibleAtPoint(x, y, pyatspi.WINDOW_COORDS)
            except Exception:
                hit = None
            if hit is None:
                continue
            a = hit
            while a is not None and not is_toplevel(a):
                if a.path == page.path:
                    return True
                a = a.parent
            return False
        return True

    def find_all(self, role_name=None, name_=None, contains=None, root=None):
        out = []
        for a in self.walk(root):
            if role_name is not None and role(a) != role_name:
                continue
            n = name(a)
            if name_ is not None and n != name_:
                continue
            if contains is not None and contains not in n:
                continue
            out.append(a)
        return out

    def find(self, role_name=None, name_=None, contains=None, root=None, timeout=DEFAULT_TIMEOUT):
        what = f"{role_name or 'anything'} named {name_ or contains!r}"
        return self.wait(lambda: next(iter(self.find_all(role_name, name_, contains, root)), None),
                         timeout=timeout, what=what)

    def absent(self, role_name=None, name_=None, contains=None, timeout=DEFAULT_TIMEOUT):
        what = f"{role_name or 'anything'} named {name_ or contains!r} to go"
        self.wait(lambda: not self.find_all(role_name, name_, contains), timeout=timeout, what=what)

    def focused(self):
        for a in self.walk():
            try:
                if a.getState().contains(pyatspi.STATE_FOCUSED):
                    return a
            except Exception:
                pass
        return None

    def texts(self, root=None):
        """What is written on screen: every label's text."""
        return [text_of(a) for a in self.walk(root) if role(a) == "label"]

    def screen_text(self):
        return "\n".join(self.texts())

    def wait(self, fn, timeout=DEFAULT_TIMEOUT, what="something"):
        end = time.monotonic() + timeout
        while True:
            try:
                value = fn()
            except DriverError:
                raise
            except Exception:
                value = None
            if value:
                return value
            if time.monotonic() > end:
                self.screenshot("timeout")
                raise DriverError(f"timed out waiting for {what}; on screen:\n"
                                  + self.screen_text()[:2000]
                                  + ("" if self.app is not None else
                                     "\ntrellis said:\n" + self.output()[-2000:]))
            if self.proc.poll() is not None:
                raise DriverError(f"trellis exited with {self.proc.returncode} while waiting "
                                  f"for {what}:\n{self.output()}")
            time.sleep(0.15)

    # ---- accessibility -----------------------------------------------------------------

    CONTROL_ROLES = {
        "push button", "toggle button", "check box", "radio button", "menu item",
        "check menu item", "radio menu item", "combo box", "list item", "text", "entry",
        "password text", "spin button", "slider", "link", "list", "page tab", "switch",
    }
    UNNAMED = re.compile(r"^(Gtk|Adw|Trellis)[A-Za-z]+$")
    # an underscore before a letter anywhere in a button's name ("C_hange") is a mnemonic read
    # aloud; in a list row or a field it may be someone's username
    MNEMONIC = re.compile(r"_\w")
    MNEMONIC_ROLES = {"push button", "toggle button", "check box", "radio button", "menu item",
                      "check menu item", "radio menu item", "page tab", "switch"}

    def unnamed_controls(self, root=None):
        """Every control on screen a screen reader could land on, without a name it can say
        (empty, a class name such as "GtkImage", or a mnemonic read with its underscore)."""
        out = []
        for a in self.walk(root):
            r = role(a)
            try:
                focusable = a.getState().contains(pyatspi.STATE_FOCUSABLE)
            except Exception:
                focusable = False
            if r not in self.CONTROL_ROLES and not (focusable and r not in (
                    "scroll pane", "panel", "filler", "label", "separator", "frame",
                    "scroll bar", "menu", "alert", "notification")):
                continue
            n = name(a)
            if not n.strip() or self.UNNAMED.match(n) or (
                    r in self.MNEMONIC_ROLES and self.MNEMONIC.search(n)):
                where = name(frame_of(a)) if frame_of(a) is not None else "?"
                out.append(f"{r} {n!r} in {where!r}")
        return out

    # ---- input -------------------------------------------------------------------------

    def _window_origin(self, frame):
        """Where @frame's widget coordinates start on the screen."""
        title = name(frame)
        ext = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        ids = xdotool("search", "--onlyvisible", "--pid", self.proc.pid).split()
        best = None
        for wid in ids:
            geo = dict(line.split("=", 1) for line in
                       xdotool("getwindowgeometry", "--shell", wid).split() if "=" in line)
            wname = xdotool("getwindowname", wid).strip()
            w, h = int(geo["WIDTH"]), int(geo["HEIGHT"])
            if w < ext.width or h < ext.height:
                continue
            score = (wname == title, -(w - ext.width))
            if best is None or score > best[0]:
                best = (score, int(geo["X"]) + (w - ext.width) // 2,
                        int(geo["Y"]) + (h - ext.height) // 2)
        if best is None:
            raise DriverError(f"no X window for {title!r}")
        return best[1], best[2]

    def _x_windows(self):
        out = []
        for wid in xdotool("search", "--onlyvisible", "--pid", self.proc.pid).split():
            geo = dict(line.split("=", 1) for line in
                       xdotool("getwindowgeometry", "--shell", wid).split() if "=" in line)
            out.append((wid, int(geo["X"]), int(geo["Y"]), int(geo["WIDTH"]), int(geo["HEIGHT"])))
        return out

    def _popover_origin(self, popover):
        """A popover is an X window of its own, but GTK 4.8 gives its contents in the
        coordinates of the window it pops out of: find its X window by its size."""
        ext = popover.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        for wid, x, y, w, h in self._x_windows():
            if w == ext.width and h == ext.height:
                return x - ext.x, y - ext.y
        raise DriverError(f"no X window for the popover {name(popover)!r}")

    def centre(self, acc):
        a = acc
        popover = None
        while a is not None and not is_toplevel(a):
            if role(a) == "menu" or name(a) in ("GtkPopover", "GtkPopoverMenu"):
                popover = a
            a = a.parent
        if popover is not None:
            ox, oy = self._popover_origin(popover)
        else:
            ox, oy = self._window_origin(frame_of(acc))
        ext = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ox + ext.x + ext.width // 2, oy + ext.y + ext.height // 2

    def click(self, acc, button=1):
        x, y = self.centre(acc)
        xdotool("mousemove", "--sync", x, y)
        time.sleep(0.1)
        xdotool("click", button)
        time.sleep(0.3)

    def hover(self, acc):
        x, y = self.centre(acc)
        xdotool("mousemove", "--sync", x, y)
        time.sleep(0.3)

    def move_pointer(self, x, y):
        xdotool("mousemove", "--sync", x, y)

    def type(self, text):
        xdotool("type", "--delay", 30, text)
        time.sleep(0.2)

    def type_into(self, field, text):
        """Type @text with the keyboard where the focus is, and check it landed in @field
        (GTK 4.8 does not report focus inside an entry row, so the text itself is the proof)."""
        before = text_of(field)
        self.type(text)
        self.wait(lambda: text_of(field).endswith(text) and text_of(field) != before,
                  what=f"what was typed to reach {name(field)!r} (it holds {text_of(field)!r})",
                  timeout=5)

    def key(self, *keys):
        for k in keys:
            xdotool("key", "--delay", 60, k)
            time.sleep(0.25)

    def press_until(self, key, wanted, limit=40):
        """Press @key until the control named @wanted has the keyboard focus. After each press
        it waits for the focus to move, so a slow machine cannot make it overshoot."""
        def focus_name():
            f = self.focused()
            return name(f) if f is not None else None
        for _ in range(limit):
            now = focus_name()
            if now == wanted:
                return self.focused()
            self.key(key)
            end = time.monotonic() + 3
            while focus_name() == now and time.monotonic() < end:
                time.sleep(0.1)
        if focus_name() == wanted:
            return self.focused()
        self.screenshot("focus-lost")
        raise DriverError(f"{key} never reached {wanted!r}; the focus is on {focus_name()!r}")

    # ---- evidence ----------------------------------------------------------------------

    def screenshot(self, label):
        if not self.shots:
            return None
        self.shot_count += 1
        path = os.path.join(self.shots, f"real-{self.prefix}{self.shot_count:02d}-{label}.png")
        subprocess.run(["import", "-window", "root", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return path

    def look(self, label):
        """A screenshot, and the accessibility walk of what is on screen: every control
        without a name is kept in self.unnamed for the journey to report."""
        self.screenshot(label)
        for problem in self.unnamed_controls():
            if problem not in self.unnamed:
                self.unnamed.append(problem)
                log(f"unnamed at {label}: {problem}")

    def output(self):
        self.log_file.seek(0)
        return self.log_file.read().decode(errors="replace")

    def quit(self, timeout=10):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def wait_exit(self, timeout=10):
        end = time.monotonic() + timeout
        while self.proc.poll() is None:
            if time.monotonic() > end:
                raise DriverError("trellis did not quit")
            time.sleep(0.1)
        return self.proc.returncode
