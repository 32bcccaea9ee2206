package dev.minmemory.operator.config;

import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

/**
 * Several operator replicas may run: they compete for a Lease in the operator's own namespace and only its holder
 * reconciles; the others take over within the lease duration when it goes away. QOSDK activates this in the prod
 * profile only, so the tests run a single, always-leading operator.
 */
@Singleton
public class LeaderElection extends LeaderElectionConfiguration {

    public static final String LEASE_NAME = "min-memory-operator-leader";

    public LeaderElection() {
        super(LEASE_NAME);
    }
}
