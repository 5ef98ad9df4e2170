from django.urls import path

from community.comments import views

app_name = "comments"

urlpatterns = [
    path("ecrire/<str:content_type>/<int:object_pk>/", views.write, name="write"),
    path("envoyer/", views.post_comment, name="post"),
    path("confirmer/<str:key>/", views.confirm, name="confirm"),
    path("signaler/<int:comment_id>/", views.flag, name="flag"),
    path("notifications/<str:key>/", views.mute, name="mute"),
]
