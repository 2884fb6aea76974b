"""The editors' review of every rule of this library's questionnaire (version 2.0.0): for each question, the
entries it recommends, how well each fits (`central`: it does what the question asks; `partial`: it helps with
part of it) and why. tests/test_content_assessment.py checks that assessment/sections/ says exactly this."""
from __future__ import annotations

C, P = "central", "partial"

REVIEW: dict[str, list[tuple[str, str, str]]] = {
    # --- Commissioning ---
    "com-talk-to-affected-groups": [
        ("talk-to-stakeholders-before-commissioning", C, "talking with affected groups before commissioning is the practice itself"),
    ],
    "com-shared-picture-of-good-practice": [
        ("talk-to-stakeholders-before-commissioning", C, "the write-up gives these early conversations as the way to clarity on good practice"),
        ("commissioners-learn-from-each-other", P, "a peer's experience helps a commissioner see what good practice involves"),
    ],
    "com-oversight-group-shapes-question": [
        ("scope-the-question-with-diverse-stakeholders", C, "oversight groups scoping the question is half of the practice"),
    ],
    "com-varied-stakeholders-shape-question": [
        ("scope-the-question-with-diverse-stakeholders", C, "a varied set of stakeholders scoping the question is the other half"),
        ("talk-to-stakeholders-before-commissioning", P, "early conversations test the question, but do not give stakeholders a hand in it"),
    ],
    "com-challenge-the-commissioner": [
        ("scope-the-question-with-diverse-stakeholders", C, "it gives the oversight group and others a set way to challenge the draft question"),
        ("co-convene-and-co-commission", P, "a co-convenor can question the framing from inside; an idea only floated"),
    ],
    "com-consider-co-convening": [
        ("co-convene-and-co-commission", C, "the idea itself; the question asks only whether it is considered"),
    ],
    "com-consider-standing-mini-publics": [
        ("embed-mini-publics-so-they-can-set-the-agenda", C, "the idea itself; the question asks only whether it is weighed"),
    ],
    "com-room-to-reframe": [
        ("give-participants-time-to-shape-the-discussion", C, "the practice is agreed at commissioning and needs the time and money asked about"),
    ],
    "com-learn-from-other-commissioners": [
        ("commissioners-learn-from-each-other", C, "learning from other commissioners is the practice itself"),
    ],
    # --- Recruitment ---
    "rec-interview-marginalised-communities": [
        ("interview-marginalised-communities-about-recruitment", C, "asking them how recruitment looks to them is the practice itself"),
    ],
    "rec-test-invitations": [
        ("interview-marginalised-communities-about-recruitment", C, "the interviews ask whether people would trust the invitation and what would put them off"),
        ("add-an-adviser-to-challenge-tunnel-vision", P, "the adviser may question the wording and look of the invitation, but is not its readers"),
    ],
    "rec-check-what-categories-hide": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "questioning the categories used to balance the room is the adviser's named task at recruitment"),
        ("interview-marginalised-communities-about-recruitment", P, "talking to several people shows how varied a category is"),
    ],
    "rec-outside-challenge": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "an outside role whose task is to challenge the team is the practice itself"),
    ],
    "rec-decide-mirror-or-over-represent": [
        ("decide-openly-how-far-to-adapt-the-model", C, "it asks for the choice to be made openly with reasons, and takes no side"),
    ],
    "rec-consider-parallel-process": [
        ("run-parallel-processes", C, "the idea itself; the question asks only whether it is considered"),
    ],
    "rec-not-speaking-for-a-community": [
        ("tell-participants-they-speak-for-themselves", C, "telling participants so is the practice itself"),
    ],
    "rec-understand-why-groups-stay-away": [
        ("learn-from-past-participants", C, "the write-up says the feedback loop can show why some groups take part less"),
        ("interview-marginalised-communities-about-recruitment", P, "the interviews ask what would put people off, before recruitment"),
    ],
    "rec-ask-leavers-why": [
        ("learn-from-past-participants", C, "people who left early are past participants, and the loop hears from them"),
    ],
    # --- Design ---
    "des-co-design": [
        ("co-design-the-mini-public", C, "sharing real design decisions is the practice itself"),
    ],
    "des-partners-can-change-decisions": [
        ("co-design-the-mini-public", C, "its first test of genuine co-design: did proposals change the design"),
    ],
    "des-partners-see-their-influence": [
        ("co-design-the-mini-public", C, "its second test: were people told what changed and why"),
    ],
    "des-open-time-for-speakers": [
        ("give-participants-time-to-shape-the-discussion", C, "time for participants to say whom they hear from is the practice itself"),
    ],
    "des-question-own-assumptions": [
        ("keep-questioning-your-own-assumptions", C, "regular self-questioning during design is the practice itself"),
    ],
    "des-adviser-challenges-blind-spots": [
        ("add-an-adviser-to-challenge-tunnel-vision", C, "an outside role to challenge the team's blind spots is the practice itself"),
    ],
    "des-time-for-wellbeing": [
        ("plan-wellbeing-and-informal-time-into-the-programme", C, "time for wellbeing in the programme is half of the practice"),
    ],
    "des-time-for-informal-conversation": [
        ("plan-wellbeing-and-informal-time-into-the-programme", C, "informal sessions and conversation are the other half"),
        ("make-time-for-trust-between-participants-and-staff", P, "informal time is one way trust is built"),
    ],
    "des-time-for-trust-among-participants": [
        ("make-time-for-trust-between-participants-and-staff", C, "time for trust between participants is one of its two directions"),
    ],
    "des-consider-wellbeing-role": [
        ("appoint-a-wellbeing-lead-separate-from-facilitators", C, "the idea itself; the question asks only whether it is considered"),
    ],
    # --- In the room ---
    "room-agree-ground-rules": [
        ("agree-ground-rules-with-participants", C, "agreeing the rules with the group is the practice itself"),
    ],
    "room-second-person-in-small-groups": [
        ("pair-facilitators-in-small-groups", C, "a second person watching for a fair say is the practice itself"),
    ],
    "room-safe-spaces": [
        ("offer-safe-spaces-to-prepare-and-reflect", C, "separate spaces to prepare and reflect are the practice itself"),
    ],
    "room-support-beyond-facilitator": [
        ("appoint-a-wellbeing-lead-separate-from-facilitators", C, "a named person apart from the facilitators to turn to; an idea to consider"),
        ("plan-wellbeing-and-informal-time-into-the-programme", P, "staff on hand in protected time give some support, but no named person"),
    ],
    "room-facilitators-prepare-together": [
        ("prepare-facilitators-to-notice-power-and-privilege", C, "protected team time on power and privilege in this process is the practice itself"),
    ],
    "room-critical-thinking": [
        ("share-critical-thinking-skills-with-participants", C, "sharing these skills is the practice itself"),
    ],
    "room-reframing-changes-programme": [
        ("give-participants-time-to-shape-the-discussion", C, "organisers answer the changes participants propose, and act on them"),
    ],
    "room-sense-of-coming-together": [
        ("build-on-the-sense-of-coming-together", C, "building on that feeling is the practice itself"),
    ],
    "room-informal-time-with-staff": [
        ("make-time-for-trust-between-participants-and-staff", C, "trust between participants and staff is one of its two directions"),
        ("build-on-the-sense-of-coming-together", P, "informal contact helps the group form, but is not only with staff"),
    ],
    "room-ask-participants-afterwards": [
        ("learn-from-past-participants", C, "asking past participants in a structured way is the practice itself"),
    ],
    "room-act-on-participant-feedback": [
        ("learn-from-past-participants", C, "feeding what comes back into the next process is what makes it a loop"),
    ],
    # --- The organisation as a whole ---
    "org-built-into-standard-practice": [
        ("embed-power-and-privilege-in-everyday-practice", C, "writing it into standard plans is what embedding means"),
    ],
    "org-raised-as-a-matter-of-course": [
        ("embed-power-and-privilege-in-everyday-practice", C, "the action aims for it to stop depending on a few individuals"),
    ],
    "org-encourage-participants-to-shape-processes": [
        ("encourage-co-production-and-co-design", C, "encouraging participants' share in shaping the process is the action itself"),
    ],
    "org-raise-co-design-with-commissioners": [
        ("encourage-co-production-and-co-design", C, "for a delivery organisation the action means proposing co-design from the first conversation"),
        ("co-design-the-mini-public", P, "what it takes to make the co-design real, once proposed"),
    ],
    "org-review-after-each-process": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "looking back at what earlier processes taught is half of the action"),
        ("reflect-and-build-skills-continuously", P, "a fixed review point is one form of structured reflection"),
    ],
    "org-change-after-review": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "learning from experience means acting on it"),
    ],
    "org-work-across-the-sector": [
        ("learn-from-experience-and-collaborate-across-the-sector", C, "working with others across the sector is the other half of the action"),
    ],
    "org-facilitator-team-is-varied": [
        ("recruit-facilitators-from-varied-backgrounds", C, "a team from many backgrounds is the action's aim"),
    ],
    "org-look-beyond-usual-networks": [
        ("look-for-facilitators-beyond-your-usual-networks", C, "looking beyond usual networks is the practice itself"),
        ("recruit-facilitators-from-varied-backgrounds", P, "the action this practice carries out"),
    ],
    "org-know-facilitator-backgrounds": [
        ("recruit-facilitators-from-varied-backgrounds", C, "its first step is to find out how the backgrounds compare"),
        ("look-for-facilitators-beyond-your-usual-networks", P, "its first step starts from the same comparison"),
    ],
    "org-staff-reflect-regularly": [
        ("reflect-and-build-skills-continuously", C, "regular, structured reflection is half of the action"),
    ],
    "org-staff-build-skills": [
        ("reflect-and-build-skills-continuously", C, "planned skill development is the other half"),
        ("prepare-facilitators-to-notice-power-and-privilege", P, "training tied to one process, for facilitators only"),
    ],
}
