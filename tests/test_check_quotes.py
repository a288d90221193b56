"""`python -m dashboard check-quotes`: each quote verbatim in its article, and found by its text fragment."""

import shutil
import subprocess
import sys

from dashboard import cli
from dashboard.text.quotes import FOLDED, NO, UNVERIFIABLE, YES, fragment_lands, verbatim

BRAIN = "reached a total of 3.56 billion individual access commands."
WENZHOU = "Wenzhou surpassed one trillion yuan in GDP in 2025, becoming the 28th Chinese city"
NATIONAL = "China’s entire AI industry last year, which stood at 570 billion yuan."
BASTILLE = "bastillepost-2025-02-17-hangzhou-scitech"
BASTILLE_FIGURES = ["hz-new-businesses-daily-2025", "hz-patents-daily-2025", "hz-startup-investment-daily-2025",
                    "hz-households-with-internet-2003", "hz-policy-funds-new-productive-forces-2025",
                    "hz-enterprise-led-projects-share-2025"]


def check_quotes(data, folder, capsys) -> tuple[int, list[str]]:
    code = cli.main(["check-quotes", "--articles", str(folder), "--indicators", str(data.indicators),
                     "--sources", str(data.sources)])
    return code, capsys.readouterr().out.splitlines()


def test_every_real_quote_is_verbatim_and_found_by_its_fragment(articles, capsys):
    assert cli.main(["check-quotes", "--articles", str(articles)]) == 0
    *lines, summary = capsys.readouterr().out.splitlines()
    assert len(lines) >= 45
    assert all(line.endswith(("verbatim: yes; fragment: yes", "verbatim: yes; fragment: no link known",
                              f"verbatim: yes; fragment: {UNVERIFIABLE}")) for line in lines), lines
    assert "hz-moda-developer-hub-area-2026: verbatim: yes; fragment: no link known" in lines
    # quoted from the China Daily Brief topic page's summaries: their links go to item pages never captured
    assert f"wz-gdp-2025: verbatim: yes; fragment: {UNVERIFIABLE}" in lines
    assert f"cn-ev-charging-highway-2026: verbatim: yes; fragment: {UNVERIFIABLE}" in lines
    assert summary == (f"{len(lines)} figures: {len(lines)} quotes verbatim, 0 found only with case or quote marks "
                       f"folded, 0 not found, 0 without their article; {len(lines) - 6} text fragments find their "
                       "quote, 0 do not, 1 with no link known, 5 not verifiable.")


def test_an_altered_quote_and_a_missing_article_are_named(data, articles, tmp_path, capsys):
    folder = tmp_path / "articles"
    shutil.copytree(articles, folder)
    (folder / "001_d6a69832709aa93b.txt").unlink()
    data.replace(BRAIN, BRAIN.replace("individual ", ""))
    data.replace(WENZHOU, WENZHOU.replace("Wenzhou surpassed", "wenzhou surpassed"))
    data.replace(f'quote: "{NATIONAL}"', f'quote: "{NATIONAL.replace("’", chr(39))}"')
    code, lines = check_quotes(data, folder, capsys)
    assert code == 1
    assert "hz-city-brain-usage-2020: verbatim: no; fragment: no" in lines
    assert f"wz-gdp-2025: verbatim: no (found only with case or quote marks folded); fragment: {UNVERIFIABLE}" in lines
    assert "cn-ai-industry-2024: verbatim: no (found only with case or quote marks folded); fragment: no" in lines
    for figure in BASTILLE_FIGURES:
        assert f"{figure}: verbatim: no (article missing); fragment: no (article missing)" in lines
    assert "zj-gdp-2024: verbatim: yes; fragment: yes" in lines
    assert lines[-2:] == [
        f"source {BASTILLE}: article file 001_d6a69832709aa93b.txt: file not found",
        "48 figures: 39 quotes verbatim, 2 found only with case or quote marks folded, 1 not found, 6 without their "
        "article; 34 text fragments find their quote, 2 do not, 1 with no link known, 5 not verifiable."]


def test_a_missing_folder_or_bad_data_is_said_without_a_traceback(data, tmp_path, root):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dashboard", "check-quotes", *args], capture_output=True,
                              text=True, cwd=root, timeout=120)

    done = run("--articles", str(tmp_path / "nowhere"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{tmp_path / 'nowhere'}: not a folder of article texts\n"
    data.replace("    value: 9000000000000\n", "    value: .nan\n")
    done = run("--articles", str(tmp_path), "--indicators", str(data.indicators), "--sources", str(data.sources))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == "1 problem(s) found."


def test_verbatim_folds_spacing_and_tells_apart_case_and_quote_marks():
    article = "He said: “It rose  by\n5 percent” in 2024."
    assert verbatim(article, "It rose by 5 percent") == YES
    assert verbatim(article, 'said: "it rose by 5 percent"') == FOLDED
    assert verbatim(article, "It rose by 6 percent") == NO


def test_a_fragment_that_opens_at_other_words_does_not_find_the_quote():
    quote = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert fragment_lands(f"Intro. {quote} End.", quote)
    assert not fragment_lands(f"one two three four five six, said twice. {quote}", quote)
