"""Readers for the LMS exports, for the round-trip tests: each reads a file back the way the
LMS's importer does (Moodle's qformat_xml and qformat_gift, Canvas' QTI 1.2 items), into
plain records to compare with the quiz data."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


@dataclass
class ReadQuestion:
    category: str
    kind: str            # the LMS's own type name
    name: str
    idnumber: str
    prompt: str
    general_feedback: str
    options: list[tuple[str, float, str]] = field(default_factory=list)  # (text, fraction, feedback)


# Moodle XML


def read_moodle_xml(text: str) -> list[ReadQuestion]:
    root = ET.fromstring(text)
    assert root.tag == "quiz"
    category, questions = "", []
    for element in root.findall("question"):
        kind = element.get("type")
        if kind == "category":
            category = element.findtext("category/text")
            continue
        question = ReadQuestion(category, kind, element.findtext("name/text"), element.findtext("idnumber") or "",
                                element.findtext("questiontext/text") or "",
                                element.findtext("generalfeedback/text") or "")
        if kind == "matching":
            for sub in element.findall("subquestion"):
                question.options.append((sub.findtext("text") or "", float(sub.findtext("answer/text")), ""))
        for answer in element.findall("answer"):
            question.options.append((answer.findtext("text") or "", float(answer.get("fraction")) / 100,
                                     answer.findtext("feedback/text") or ""))
        questions.append(question)
    return questions


# GIFT, read as Moodle's qformat_gift reads it (question/format/gift/format.php)

_ESCAPES = {"\\:": "\x01058", "\\#": "\x01035", "\\=": "\x01061", "\\{": "\x01123", "\\}": "\x01125",
            "\\~": "\x01126", "\\n": "\x01010"}
_PLACEHOLDERS = {"\x01058": ":", "\x01035": "#", "\x01061": "=", "\x01123": "{", "\x01125": "}",
                 "\x01126": "~", "\x01010": "\n"}
WEIGHT = re.compile(r"^%(-*[0-9]{1,2}\.?[0-9]*)%")


def read_gift(text: str) -> list[ReadQuestion]:
    category, questions = "", []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = block.split("\n")
        ids = [match.group(1) for line in lines for match in [re.search(r"\[id:(.*?)\]", line)]
               if line.strip().startswith("//") and match]
        lines = [" " if line.strip().startswith("//") else line for line in lines]
        body = "\n".join(lines).strip()
        if not body:
            continue
        raw_lines = lines
        body = _pre(body)
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:"):].strip()
            continue
        assert body.startswith("::"), body[:80]
        end = body.index("::", 2)
        name, body = _post(body[2:end]), body[end + 2:].strip()
        start, finish = body.index("{"), body.index("}")
        answer_text = body[start + 1:finish].strip()
        prompt = _format(body[:start])
        general = ""
        if "####" in answer_text:
            cut = answer_text.rindex("####")
            general, answer_text = _format(answer_text[cut + 4:]), answer_text[:cut].strip()
        question = ReadQuestion(category, "", name, ids[0] if ids else "", prompt, general)
        if answer_text.startswith(">"):  # qtype_ordering reads the raw lines, unescaped
            match = re.search(r"\{>\s*(\d+)\s*(ALL)\s*(VERTICAL)\s*(ABSOLUTE_POSITION)\s*(SHOW)\s*(.*?)\s*\}\s*$",
                              "\n".join(raw_lines), re.DOTALL)
            assert match, block
            question.kind = "ordering"
            items = [line.strip() for line in match.group(6).split("\n") if line.strip()]
            assert int(match.group(1)) == len(items)
            question.options = [(item, position, "") for position, item in enumerate(items, start=1)]
        elif "~" in answer_text:
            question.kind = "multichoice-single" if "=" in answer_text else "multichoice-multiple"
            for answer in [a.strip() for a in answer_text.replace("=", "~=").split("~") if a.strip()]:
                if answer.startswith("="):
                    weight, answer = 1.0, answer[1:]
                elif WEIGHT.match(answer):
                    weight = float(WEIGHT.match(answer).group(1)) / 100
                    answer = answer[WEIGHT.match(answer).end():]
                else:
                    weight = 0.0
                text, _, feedback = answer.partition("#")
                question.options.append((_format(text), weight, _format(feedback)))
        else:
            word, wrong, right = (answer_text.split("#", 2) + ["", ""])[:3]
            assert word.strip() in ("TRUE", "FALSE"), answer_text
            question.kind = "truefalse"
            is_true = word.strip() == "TRUE"
            question.options = [("true", 1.0 if is_true else 0.0, _format(right if is_true else wrong)),
                                ("false", 0.0 if is_true else 1.0, _format(wrong if is_true else right))]
        questions.append(question)
    return questions


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x01092")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x01092", "\\")


def _post(text: str) -> str:
    for placeholder, character in _PLACEHOLDERS.items():
        text = text.replace(placeholder, character)
    return text


def _format(text: str) -> str:
    text = text.strip()
    if text.startswith("[html]"):
        text = text[len("[html]"):]
    return _post(text).strip()


# Canvas QTI


@dataclass
class CanvasQuiz:
    title: str
    questions: list[ReadQuestion]


def read_canvas_package(data: bytes) -> list[CanvasQuiz]:
    bundle = zipfile.ZipFile(io.BytesIO(data))
    names = set(bundle.namelist())
    manifest = ET.fromstring(bundle.read("imsmanifest.xml"))
    quizzes = []
    for resource in manifest.iter(f"{MANIFEST}resource"):
        for file in resource.iter(f"{MANIFEST}file"):
            assert file.get("href") in names, f"the manifest lists {file.get('href')}, missing from the zip"
        if resource.get("type") != "imsqti_xmlv1p2":
            continue
        href = resource.find(f"{MANIFEST}file").get("href")
        root = ET.fromstring(bundle.read(href))
        assessment = root.find(f"{QTI}assessment")
        quizzes.append(CanvasQuiz(assessment.get("title"), [_canvas_item(item) for item in assessment.iter(f"{QTI}item")]))
    return quizzes


def _canvas_item(item: ET.Element) -> ReadQuestion:
    meta = {field.findtext(f"{QTI}fieldlabel"): field.findtext(f"{QTI}fieldentry")
            for field in item.iter(f"{QTI}qtimetadatafield")}
    feedback = {node.get("ident"): node.findtext(f".//{QTI}mattext") or "" for node in item.findall(f"{QTI}itemfeedback")}
    presentation = item.find(f"{QTI}presentation")
    question = ReadQuestion("", meta["question_type"], item.get("title"), item.get("ident"),
                            presentation.find(f"{QTI}material/{QTI}mattext").text or "", feedback.get("general_fb", ""))
    processing = item.find(f"{QTI}resprocessing")
    if meta["question_type"] == "matching_question":
        right = {}
        for condition in processing.findall(f"{QTI}respcondition"):
            equal = condition.find(f".//{QTI}varequal")
            if condition.find(f"{QTI}setvar") is not None and equal is not None:
                right[equal.get("respident")] = equal.text
        for response in presentation.findall(f"{QTI}response_lid"):
            labels = {label.get("ident"): label.findtext(f".//{QTI}mattext")
                      for label in response.iter(f"{QTI}response_label")}
            question.options.append((response.findtext(f"{QTI}material/{QTI}mattext"),
                                     float(labels[right[response.get("ident")]]), ""))
        return question
    scored = next(condition for condition in processing.findall(f"{QTI}respcondition")
                  if condition.find(f"{QTI}setvar") is not None)
    negated = {node.text for node in scored.iter(f"{QTI}not") for node in node.iter(f"{QTI}varequal")}
    right = {node.text for node in scored.iter(f"{QTI}varequal")} - negated
    for label in presentation.iter(f"{QTI}response_label"):
        ident = label.get("ident")
        question.options.append((label.findtext(f".//{QTI}mattext"), 1.0 if ident in right else 0.0,
                                 feedback.get(f"{ident}_fb", "")))
    return question
