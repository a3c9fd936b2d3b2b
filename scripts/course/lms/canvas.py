"""Canvas: a QTI 1.2 content package (zip) with Canvas' own metadata, one quiz per lesson.

The layout and elements are those Canvas writes when it exports a quiz (and text2qti, a
maintained exporter that Canvas imports, writes): imsmanifest.xml listing, per quiz, an
`imsqti_xmlv1p2` resource <ident>/<ident>.xml and its Canvas settings
<ident>/assessment_meta.xml. Each item carries `question_type` (multiple_choice_question,
multiple_answers_question, true_false_question, matching_question) and `points_possible`;
per-option feedback is an <itemfeedback ident="<answer>_fb"> shown by a
`continue="Yes"` condition, the explanation is the general feedback (`general_fb`).

Canvas' quizzes have no ordering question type, so an ordering question is a matching
question: each item is matched to its position 1..N, with a share of the points per item.
An import always makes new quizzes (and a question bank per quiz); it never updates one.
"""
from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

from . import LessonQuiz, html_block, html_inline, question_title
from ..markup import plain_text
from ..quizzes import Question

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
QUESTION_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
                  "true-false": "true_false_question", "ordering": "matching_question"}
# A fixed time for every file in the zip, so that two runs on the same data write the same bytes.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def qti_package(lessons: list[LessonQuiz], course_title: str) -> bytes:
    """One zip Canvas imports (Settings → Import course content → QTI .zip file): a quiz per lesson."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        _write(bundle, "imsmanifest.xml", manifest(lessons, course_title))
        for lesson in lessons:
            ident = identifier(lesson.slug)
            _write(bundle, f"{ident}/{ident}.xml", assessment(lesson, course_title))
            _write(bundle, f"{ident}/assessment_meta.xml", assessment_meta(lesson, course_title))
    return buffer.getvalue()


def identifier(*parts: str) -> str:
    """A stable identifier made of letters and digits, as Canvas' own (g + 32 hex digits)."""
    return "g" + hashlib.md5("/".join(parts).encode("utf-8")).hexdigest()


def manifest(lessons: list[LessonQuiz], course_title: str) -> str:
    ET.register_namespace("", MANIFEST)
    root = ET.Element(f"{{{MANIFEST}}}manifest", identifier=identifier("manifest", course_title))
    metadata = ET.SubElement(root, f"{{{MANIFEST}}}metadata")
    ET.SubElement(metadata, f"{{{MANIFEST}}}schema").text = "IMS Content"
    ET.SubElement(metadata, f"{{{MANIFEST}}}schemaversion").text = "1.1.3"
    ET.SubElement(root, f"{{{MANIFEST}}}organizations")
    resources = ET.SubElement(root, f"{{{MANIFEST}}}resources")
    for lesson in lessons:
        ident = identifier(lesson.slug)
        meta = identifier(lesson.slug, "meta")
        resource = ET.SubElement(resources, f"{{{MANIFEST}}}resource", identifier=ident, type="imsqti_xmlv1p2")
        ET.SubElement(resource, f"{{{MANIFEST}}}file", href=f"{ident}/{ident}.xml")
        ET.SubElement(resource, f"{{{MANIFEST}}}dependency", identifierref=meta)
        dependency = ET.SubElement(resources, f"{{{MANIFEST}}}resource", identifier=meta,
                                   type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                                   href=f"{ident}/assessment_meta.xml")
        ET.SubElement(dependency, f"{{{MANIFEST}}}file", href=f"{ident}/assessment_meta.xml")
    return _serialise(root)


def assessment_meta(lesson: LessonQuiz, course_title: str) -> str:
    """The quiz's Canvas settings: a graded quiz, unpublished, answers shuffled, one point per question."""
    ET.register_namespace("", CANVAS)
    root = ET.Element(f"{{{CANVAS}}}quiz", identifier=identifier(lesson.slug))
    for tag, value in (("title", lesson.category), ("description", f"<p>{course_title}</p>"),
                       ("shuffle_answers", "true"), ("scoring_policy", "keep_highest"),
                       ("quiz_type", "assignment"), ("points_possible", f"{len(lesson.quiz.questions)}.0"),
                       ("show_correct_answers", "true"), ("allowed_attempts", "-1"),
                       ("one_question_at_a_time", "false"), ("cant_go_back", "false"), ("available", "false")):
        ET.SubElement(root, f"{{{CANVAS}}}{tag}").text = value
    return _serialise(root)


def assessment(lesson: LessonQuiz, course_title: str) -> str:
    """The lesson's questions as a QTI 1.2 <questestinterop> with Canvas' item metadata."""
    ET.register_namespace("", QTI)
    root = ET.Element(f"{{{QTI}}}questestinterop")
    test = _sub(root, "assessment", ident=identifier(lesson.slug, "assessment"), title=lesson.category)
    _metadata(_sub(test, "qtimetadata"), cc_maxattempts="unlimited")
    section = _sub(test, "section", ident="root_section")
    for question in lesson.quiz.questions:
        section.append(_item(lesson, question))
    return _serialise(root)


# Helper functions


def _item(lesson: LessonQuiz, question: Question) -> ET.Element:
    item = ET.Element(f"{{{QTI}}}item", ident=identifier(lesson.slug, question.id), title=question_title(question))
    answers = [identifier(lesson.slug, question.id, str(index)) for index in range(len(question.options))]
    _metadata(_sub(_sub(item, "itemmetadata"), "qtimetadata"), question_type=QUESTION_TYPES[question.kind],
              points_possible="1.0", original_answer_ids=",".join(answers),
              assessment_question_identifierref=identifier(lesson.slug, question.id, "bank"))
    presentation = _sub(item, "presentation")
    _material(presentation, html_block(question.prompt))
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if question.explanation:
        _feedback_condition(processing, None, "general_fb")
    if question.kind == "ordering":
        _matching(presentation, processing, question, answers)
    else:
        _choices(presentation, processing, question, answers)
    if question.explanation:
        _itemfeedback(item, "general_fb", html_block(question.explanation))
    for answer, option in zip(answers, question.options):
        if option.feedback:
            _itemfeedback(item, f"{answer}_fb", html_inline(option.feedback))
    return item


def _choices(presentation: ET.Element, processing: ET.Element, question: Question, answers: list[str]) -> None:
    cardinality = "Multiple" if question.kind == "multiple" else "Single"
    choice = _sub(_sub(presentation, "response_lid", ident="response1", rcardinality=cardinality), "render_choice")
    for answer, option in zip(answers, question.options):
        _material(_sub(choice, "response_label", ident=answer), html_inline(option.text))
    for answer in answers:
        _feedback_condition(processing, answer, f"{answer}_fb")
    condition = _sub(processing, "respcondition", attrib={"continue": "No"})
    test = _sub(condition, "conditionvar")
    if question.kind == "multiple":  # right when every right option and no wrong one is ticked
        test = _sub(test, "and")
    for answer, option in zip(answers, question.options):
        if option.correct:
            _sub(test, "varequal", respident="response1").text = answer
        elif question.kind == "multiple":
            _sub(_sub(test, "not"), "varequal", respident="response1").text = answer
    _sub(condition, "setvar", action="Set", varname="SCORE").text = "100"


def _matching(presentation: ET.Element, processing: ET.Element, question: Question, answers: list[str]) -> None:
    positions = [identifier(answers[0], "position", str(n)) for n in range(1, len(question.options) + 1)]
    count = len(question.options)
    shares = [f"{100 / count:.2f}"] * (count - 1)
    shares.append(f"{100 - sum(float(share) for share in shares):.2f}")  # the shares add up to 100 exactly
    for index, (answer, item) in enumerate(zip(answers, question.options)):
        response = _sub(presentation, "response_lid", ident=f"response_{answer}")
        _material(response, plain_text(item.text), texttype="text/plain")
        choice = _sub(response, "render_choice")
        for number, position in enumerate(positions, start=1):
            _material(_sub(choice, "response_label", ident=position), str(number), texttype=None)
        condition = _sub(processing, "respcondition")
        _sub(_sub(condition, "conditionvar"), "varequal", respident=f"response_{answer}").text = positions[index]
        _sub(condition, "setvar", varname="SCORE", action="Add").text = shares[index]


def _feedback_condition(processing: ET.Element, answer: str | None, feedback: str) -> None:
    condition = _sub(processing, "respcondition", attrib={"continue": "Yes"})
    test = _sub(condition, "conditionvar")
    if answer is None:
        _sub(test, "other")
    else:
        _sub(test, "varequal", respident="response1").text = answer
    _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def _itemfeedback(item: ET.Element, ident: str, html: str) -> None:
    _material(_sub(_sub(item, "itemfeedback", ident=ident), "flow_mat"), html)


def _material(parent: ET.Element, text: str, texttype: str | None = "text/html") -> None:
    mattext = _sub(_sub(parent, "material"), "mattext", **({"texttype": texttype} if texttype else {}))
    mattext.text = text


def _metadata(parent: ET.Element, **fields: str) -> None:
    for label, entry in fields.items():
        field = _sub(parent, "qtimetadatafield")
        _sub(field, "fieldlabel").text = label
        _sub(field, "fieldentry").text = entry


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{QTI}}}{tag}", {**(attrib or {}), **attributes})


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _write(bundle: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    bundle.writestr(info, text.encode("utf-8"))
