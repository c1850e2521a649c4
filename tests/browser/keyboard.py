"""Drive a page with the keyboard only: Tab/Shift+Tab to reach a control, then Enter, Space,
arrow keys or typing. Never a click, never a focus() call."""

from __future__ import annotations

MAX_TABS = 250


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.clicks = 0  # stays 0: nothing here clicks
        self.presses = 0

    def _press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1

    def _focused(self, locator) -> bool:
        return bool(locator.evaluate("el => el === document.activeElement"))

    def tab_to(self, locator) -> None:
        """Tab forward until `locator` has the focus; then backwards if it was behind."""
        locator.wait_for(state="visible")
        if self._focused(locator):
            return
        for key in ("Tab", "Shift+Tab"):
            for _ in range(MAX_TABS):
                self._press(key)
                if self._focused(locator):
                    return
        raise AssertionError(f"{locator} cannot be reached with Tab")

    def activate(self, locator) -> None:
        """Enter on a link or button (a page load usually follows)."""
        self.tab_to(locator)
        self._press("Enter")
        self.page.wait_for_load_state("load")

    def type_into(self, locator, text: str) -> None:
        self.tab_to(locator)
        self._press("Control+A")
        self.page.keyboard.type(text)

    def toggle(self, locator) -> None:
        """Space on a checkbox or radio button."""
        self.tab_to(locator)
        before = locator.is_checked()
        self._press("Space")
        assert locator.is_checked() != before or locator.get_attribute("type") == "radio"

    def choose(self, select, label: str) -> None:
        """Arrow keys on a closed <select> until the option `label` is selected."""
        self.tab_to(select)
        selected = "el => el.options[el.selectedIndex] && el.options[el.selectedIndex].text"
        for key in ("ArrowDown", "ArrowUp"):
            for _ in range(60):
                if select.evaluate(selected).strip() == label:
                    return
                before = select.evaluate("el => el.selectedIndex")
                self._press(key)
                if select.evaluate("el => el.selectedIndex") == before:
                    break  # the end of the list
        raise AssertionError(f"option {label!r} not found in {select}")
