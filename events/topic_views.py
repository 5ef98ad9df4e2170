"""/evenements/sujets/: the topics members propose and vote for. Everyone may read;
only approved network members propose, vote and withdraw their vote."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.members.access import is_network_member, membership_refused
from core.page_cache import depends_on
from events import cache_sections, topics
from events.models.topics import TopicProposal, TopicVote


class TopicProposalForm(forms.ModelForm):
    class Meta:
        model = TopicProposal
        fields = ["title", "description"]
        labels = {"title": gettext_lazy("Topic"), "description": gettext_lazy("Why this topic?")}
        help_texts = {
            "title": gettext_lazy("120 characters at most."),
            "description": gettext_lazy("2,000 characters at most."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


def topics_page(request, index, form=None, status=200):
    topic_url = index.url + index.reverse_subpage("topics")
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(topic_url, reverse("account_login"))
        if not is_network_member(request.user):
            return membership_refused(request)
        action = request.POST.get("action")
        if action == "propose":
            form = TopicProposalForm(request.POST)
            if form.is_valid():
                topics.propose(request.user, **form.cleaned_data)
                messages.success(request, _("Thank you: your topic is proposed. Other members can now vote for it."))
                return redirect(topic_url)
            status = 400
        elif action in ("vote", "withdraw"):
            topic = TopicProposal.objects.filter(pk=request.POST.get("topic") or 0).first()
            if topic is None or topic.status != TopicProposal.Status.PROPOSED:
                messages.error(request, _("Votes are closed for this topic."))
            elif action == "vote":
                topics.vote(topic, request.user)
                messages.success(request, _("Your vote is counted."))
            else:
                topics.withdraw_vote(topic, request.user)
                messages.success(request, _("Your vote is withdrawn."))
            return redirect(topic_url + f"#topic-{topic.pk}" if topic else topic_url)
    depends_on(cache_sections.TOPICS)
    member = is_network_member(request.user)
    voted = set()
    if member:
        voted = set(TopicVote.objects.filter(member=request.user).values_list("topic_id", flat=True))
    all_topics = TopicProposal.objects.select_related("association", "event").ranked()
    context = {
        "page": index,
        "self": index,
        "topic_url": topic_url,
        "open_topics": [t for t in all_topics if t.status == TopicProposal.Status.PROPOSED],
        "decided_topics": [t for t in all_topics if t.status != TopicProposal.Status.PROPOSED],
        "voted": voted,
        "is_member": member,
        "form": form or (TopicProposalForm() if member else None),
    }
    return TemplateResponse(request, "events/topics.html", context, status=status)


def member_topics(request):
    """Context of the member area's "My proposals" section."""
    if not request.user.is_authenticated:
        return {"items": []}
    return {"items": list(TopicProposal.objects.filter(proposer=request.user).select_related("event").with_votes())}
