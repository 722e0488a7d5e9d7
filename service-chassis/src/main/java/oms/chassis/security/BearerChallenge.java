package oms.chassis.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/** Tells a caller refused with 401 which scheme to authenticate with (RFC 6750). */
@Singleton
class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {

    @Override
    public String getWwwAuthenticateChallenge(@Nullable HttpRequest<?> request) {
        return "Bearer";
    }
}
