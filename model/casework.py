"""Casework processes: incidents, help-seeking, agency referral and the center's intake."""

from .survivor import State, Survivor


class CaseworkMixin:
    """Survivors' paths from an incident to an outcome."""

    def generate_incidents(self) -> list:
        """Incidents, help-seeking and entry points; returns survivors arriving at the center.

        A survivor seeks help with chance help_seeking, raised by campaign
        awareness (finding 1: campaigns). One who does not may still be
        identified by a community group (finding 1: cadres and groups). A
        help-seeker's first contact is the police, an agency or the center.
        """
        p = self.p
        r = self.random
        flow = self.flow
        center = self.center
        seek = p.help_seeking + (1.0 - p.help_seeking) * p.awareness_effect * center.awareness
        identify = 1.0 - (1.0 - p.group_reach) ** self.n_groups
        police_cut = p.entry_police
        agency_cut = p.entry_police + p.entry_agency
        arrivals = []
        n = int(self.rng.poisson(p.incidents_per_week))
        flow["incidents"] += n
        for _ in range(n):
            if r.random() >= seek:
                if r.random() < identify:
                    flow["entry_community"] += 1
                    arrivals.append(self.arrive("community"))
                else:
                    self.finish(State.UNREACHED)
                continue
            flow["sought_help"] += 1
            u = r.random()
            if u >= agency_cut:
                flow["entry_center"] += 1
                arrivals.append(self.arrive("self"))
                continue
            field = "province" if r.random() < p.province_share else "city"
            if u < police_cut:
                flow["entry_police"] += 1
                kind = "police"
            else:
                flow["entry_agency"] += 1
                kind = r.choice(("uptd_ppa", "dinsos", "dp3ap2kb"))
            survivor = self.refer_or_serve(self.agencies[f"{kind}_{field}"])
            if survivor is not None:
                arrivals.append(survivor)
        return arrivals

    def refer_or_serve(self, agency):
        """An agency sees a survivor: it refers her to the center, handles the case, or cannot.

        The referral chance rises with trust, ties and a met request
        (Agency.referral_probability). Returns the survivor if referred.
        """
        flow = self.flow
        flow["seen_by_agencies"] += 1
        agency.seen += 1
        if agency.decides_to_refer():
            agency.referred += 1
            agency.referrals_made += 1
            flow["referred"] += 1
            flow["referrals_" + agency.key] += 1
            return self.arrive(agency.key)
        self.finish(State.AGENCY_SERVED if agency.serve_itself() else State.AGENCY_UNSERVED)
        return None

    def finish(self, state: State) -> None:
        """Count a survivor whose case has reached a terminal state."""
        self.tally[state] += 1
        self.flow[state.value] += 1

    def arrive(self, source: str) -> Survivor:
        """A survivor reaches the center; case type and severity are drawn now."""
        r = self.random
        case_type = ("sexual_violence" if r.random() < self.p.sexual_violence_share
                     else "domestic_or_other")
        return Survivor(self, case_type, r.random(), source)

    def run_casework(self, arrivals: list) -> None:
        """Accompaniments end, waiting survivors may drop out, then intake up to capacity.

        Capacity is the time staff and volunteers have left for cases this week
        (Worker.case_slots); survivors are taken first come, first served.
        """
        center = self.center
        r = self.random
        for survivor in list(center.in_service):
            if r.random() < survivor.close_prob:
                self.close_case(survivor)
        kept = []
        for survivor in center.waiting:
            if r.random() < self.p.dropout_per_week:
                survivor.state = State.DROPPED_OUT
                self.finish(State.DROPPED_OUT)
                survivor.remove()
            else:
                survivor.weeks_waited += 1
                kept.append(survivor)
        center.waiting.clear()
        center.waiting.extend(kept)
        center.waiting.extend(arrivals)
        self.admit()

    def admit(self) -> None:
        """Give each free slot of a worker to the next waiting survivor.

        A worker has a free slot for each whole case her case time still
        covers. When survivors are still waiting after that, each volunteer who
        has some time left takes one more case with chance equal to her
        dedication (volunteerism, finding 2.2): capacity that costs burnout.
        """
        r = self.random
        openings = []
        for worker in self.workers():
            k = int(worker.case_slots - worker.caseload + 1e-9)
            if k > 0:
                openings.extend([worker] * k)
        r.shuffle(openings)
        self._fill(openings)
        if self.center.waiting:
            stretch = [v for v in self.volunteers
                       if v.caseload < v.case_slots and v.takes_extra_case()]
            self._fill(stretch)

    def _fill(self, openings: list) -> None:
        """Admit waiting survivors, first come first served, into ``openings``."""
        center = self.center
        flow = self.flow
        while openings and center.waiting:
            survivor = center.waiting.popleft()
            worker = openings.pop()
            survivor.assign(worker)
            center.in_service[survivor] = None
            if not survivor.admitted:
                survivor.admitted = True
                worker.cases_taken += 1
                flow["intake"] += 1
                flow["wait_weeks"] += survivor.weeks_waited
                if survivor.case_type == "sexual_violence":
                    flow["intake_sexual_violence"] += 1

    def close_case(self, survivor) -> None:
        """End an accompaniment; the outcome feeds the referring agency's trust.

        Commitment to survivors (finding 2.4): a good outcome is more likely the
        more committed the worker; agencies trust the center for it.
        """
        p = self.p
        good = self.random.random() < (
            p.outcome_floor + (1.0 - p.outcome_floor) * survivor.worker.commitment)
        survivor.state = State.CLOSED_GOOD if good else State.CLOSED_POOR
        self.finish(survivor.state)
        agency = self.agencies.get(survivor.source)
        if agency is not None:
            if good:
                agency.new_good += p.outcome_evidence
            else:
                agency.new_bad += p.outcome_evidence
        survivor.release()
        del self.center.in_service[survivor]
        survivor.remove()

    def return_to_waiting(self, worker) -> None:
        """A departing worker's survivors go back to the front of the waiting list."""
        center = self.center
        for survivor in reversed(list(worker.cases)):
            survivor.release()
            survivor.state = State.WAITING
            del center.in_service[survivor]
            center.waiting.appendleft(survivor)
