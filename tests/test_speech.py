"""The IVR speaks: each guidance sentence as a WAV, synthesized once and kept by sentence."""

from __future__ import annotations

import io
import wave

import pytest

from mock_site.config import Settings
from mock_site.environment import Environment
from mock_site.phone import speech
from mock_site.regions import REGIONS
from mock_site.seed import LineToSeed


@pytest.fixture
def spoken(tmp_path, monkeypatch):
    """An environment whose speech is kept in a folder of this test's own."""
    assert speech.missing() is None, f"make setup gives the IVR its voice: {speech.missing()}"
    env = Environment()
    env.speech = speech.Speech(tmp_path)
    return env


def dial(env, region="east"):
    api = env.apps["home"].test_client()
    caller = env.add_line(LineToSeed(region, additional_count=0)).contract.number
    call = api.post(
        "/api/phone/calls", json={"caller": caller, "dialled": REGIONS[region].access_number}
    ).json
    return api, call


def seconds_of(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav)) as audio:
        return audio.getnframes() / audio.getframerate()


def test_every_sentence_has_a_wav_as_long_as_the_api_says(spoken):
    api, call = dial(spoken)
    [sentence] = call["audio"]  # the opening, said the moment the call connects

    response = api.get(sentence["url"])  # waits for the synthesis under way
    again = api.get(f"/api/phone/calls/{call['id']}").json["audio"][0]

    assert response.status_code == 200 and response.headers["Content-Type"] == "audio/wav"
    assert response.data[:4] == b"RIFF"
    assert again["seconds"] == pytest.approx(seconds_of(response.data), abs=0.001)
    assert again["seconds"] > 5  # the opening is a long sentence, not a click of silence


def test_a_sentence_is_synthesized_once_for_every_process(spoken, tmp_path):
    api, call = dial(spoken)
    api.get(call["audio"][0]["url"])
    later = speech.Speech(tmp_path)  # another worker of the same suite run

    described = later.describe(call["guidance"][0], "east")

    assert described["seconds"] is not None  # on disk already: no synthesis, no wait
    assert later.stats()["cache_hits"] == 1 and later.stats()["synthesized"] == 0
    assert spoken.speech.stats()["synthesized"] == 1


def test_the_setting_silences_the_phone_and_the_call_goes_on(tmp_path):
    env = Environment(Settings(ivr_speech=False))
    api, call = dial(env)

    assert call["audio"] == [] and call["state"] == "active" and call["guidance"]


def test_without_a_voice_the_phone_is_silent_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv(speech.VOICE_ENV, str(tmp_path / "none.htsvoice"))
    env = Environment()
    api, call = dial(env)

    assert call["audio"] == [] and call["guidance"]
    assert "no voice" in api.get("/api/phone/speech").json["silent_because"]


@pytest.mark.parametrize("key", ["0" * 32, "../../etc/passwd", "x"])
def test_an_unknown_audio_is_a_404(spoken, key):
    api = spoken.apps["home"].test_client()

    assert api.get(f"/phone/speech/{key}.wav").status_code == 404
