"""The illustrated guide marks, on the shot taken before a press, what its step used on that
screen up to and with the press, as the page told it (the film's news of what was used)."""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path
from types import SimpleNamespace

from hikari_e2e.scenarios.film.told import TOLD
from hikari_e2e.scenarios.guide import Guide

LOGIN, TOP = "https://site/AGL_Disp.do", "https://site/AGT_Main.do"


class _Page:
    """What a guide asks of a page: where it is and which document it shows (doc); and it
    tells what was used, as USED_JS does."""

    url = LOGIN
    doc = 0.0
    viewport_size = {"width": 1280, "height": 720}

    def evaluate(self, script: str) -> float:
        assert script == "performance.timeOrigin"
        return self.doc

    def on(self, event, callback):
        self.console = callback

    def add_init_script(self, script):
        pass

    def tell_used(self, at: float, box: dict) -> None:
        self.console(SimpleNamespace(type="debug", text=TOLD + json.dumps(["used", at, box])))


def box(x: float, doc: float) -> dict:
    return {"x": x, "y": 10.0, "width": 50.0, "height": 20.0, "doc": doc}


def guide(tmp_path: Path) -> tuple[Guide, _Page, list[float]]:
    page, now = _Page(), [0.0]
    made = Guide(page, tmp_path, "題", "説明", clock=lambda: now[0])
    return made, page, now


def shoot_at(now: list[float], moments: count):
    def shoot(path: Path) -> None:
        now[0] = next(moments)  # the shot takes a while

    return shoot


def test_the_shot_before_a_press_marks_the_fields_filled_and_the_button_pressed(tmp_path):
    made, page, now = guide(tmp_path)
    now[0] = 1000.0
    made.start_step(1, "手順3")
    page.tell_used(1010.0, box(1, doc=900))  # 電話番号
    page.tell_used(1020.0, box(2, doc=900))  # パスワード
    page.doc, now[0] = 900, 1030.0
    made.action("fill", shoot_at(now, count(1040)))  # a fill is not shot
    made.action("click", shoot_at(now, count(1060)))  # taken halfway: 1045
    page.tell_used(1070.0, box(3, doc=900))  # the ログイン press, told after the shot

    made.write()

    [shot] = made.steps[0].shots
    assert [mark["x"] for mark in shot.marks] == [1, 2, 3]


def test_what_another_step_or_another_showing_of_the_screen_used_is_not_marked(tmp_path):
    made, page, now = guide(tmp_path)
    page.tell_used(500.0, box(9, doc=400))  # the step before, same screen
    now[0] = 1000.0
    made.start_step(2, "手順4")
    page.tell_used(1005.0, box(8, doc=400))  # still the old showing of the screen
    page.tell_used(1010.0, box(7, doc=1008))  # the screen shown again: a new document
    page.doc, now[0] = 1008, 1020.0
    made.action("click", shoot_at(now, count(1040)))
    page.tell_used(1050.0, box(6, doc=1008))

    made.write()

    assert [mark["x"] for mark in made.steps[0].shots[0].marks] == [7, 6]


def test_a_field_used_twice_is_marked_once_and_a_shot_at_the_steps_end_is_unmarked(tmp_path):
    made, page, now = guide(tmp_path)
    made.start_step(1, "手順1")
    page.tell_used(10.0, box(1, doc=5))
    page.tell_used(20.0, box(1, doc=5))
    page.doc, now[0] = 5, 30.0
    made.action("check", shoot_at(now, count(50)))
    page.tell_used(60.0, box(2, doc=5))
    made.start_step(2, "手順2")
    page.url = TOP
    made.end_step(shoot_at(now, count(100)))

    made.write()

    assert [mark["x"] for mark in made.steps[0].shots[0].marks] == [1, 2]
    assert made.steps[1].shots[0].marks == []


def test_a_press_that_never_came_leaves_what_was_used_before_it(tmp_path):
    made, page, now = guide(tmp_path)
    made.start_step(1, "手順1")
    page.tell_used(10.0, box(1, doc=5))
    page.doc, now[0] = 5, 20.0
    made.action("click", shoot_at(now, count(40)))  # the click then failed: nothing told

    made.write()

    assert [mark["x"] for mark in made.steps[0].shots[0].marks] == [1]


def test_a_press_that_changed_nothing_does_not_borrow_the_next_screens_marks(tmp_path):
    made, page, now = guide(tmp_path)
    made.start_step(1, "手順1")
    page.tell_used(10.0, box(4, doc=5))
    page.doc, now[0] = 5, 20.0
    made.action("set_checked", shoot_at(now, count(40)))  # already as asked: no press told
    made.start_step(2, "手順2")
    page.url = TOP
    page.tell_used(100.0, box(5, doc=90))
    page.doc, now[0] = 90, 110.0
    made.action("click", shoot_at(now, count(130)))
    page.tell_used(140.0, box(6, doc=90))

    made.write()

    assert [mark["x"] for mark in made.steps[0].shots[0].marks] == [4]
    assert [mark["x"] for mark in made.steps[1].shots[0].marks] == [5, 6]
