package vn.ansinh.households.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import vn.ansinh.households.domain.Member;
import vn.ansinh.platform.db.CopyIn;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> activeWithCitizenId(String citizenId) {
        return find("citizenId = ?1 and active = true", citizenId).firstResultOptional();
    }

    /** The active members of these households. */
    public List<Member> activeIn(Collection<UUID> householdIds) {
        return list("householdId in ?1 and active = true", Sort.by("createdAt").and("id"), householdIds);
    }

    /** The household code of each of these citizen IDs that is an active member of one (checks of an import). */
    public Map<String, String> activeMemberships(Collection<String> citizenIds) {
        List<?> rows = getEntityManager().createNativeQuery("SELECT m.citizen_id, h.code FROM member m"
                + " JOIN household h ON h.id = m.household_id WHERE m.active AND m.citizen_id = ANY(?1)")
                .setParameter(1, citizenIds.toArray(String[]::new)).getResultList();
        Map<String, String> memberships = new HashMap<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            memberships.put((String) cells[0], (String) cells[1]);
        }
        return memberships;
    }

    /** Inserts members that are new in this transaction, with COPY (imports). */
    public void insertNew(List<Member.New> created, Instant at, String actor) {
        CopyIn rows = new CopyIn("member", "id", "household_id", "full_name", "citizen_id", "date_of_birth", "sex",
                "relation_to_head", "ethnicity", "disability", "school_enrolled", "social_protection_type",
                "created_at", "created_by");
        for (Member.New m : created) {
            Member.Details d = m.details();
            rows.row(m.id(), m.householdId(), d.fullName(), d.citizenId(), d.dateOfBirth(), d.sex(),
                    d.relationToHead(), d.ethnicity(), d.disability(), d.schoolEnrolled(), d.socialProtectionType(),
                    at, actor);
        }
        getEntityManager().unwrap(Session.class).doWork(rows::send);
    }

    public List<Member> ofHousehold(UUID householdId) {
        return list("householdId", Sort.by("createdAt").and("id"), householdId);
    }

    public long activeIn(UUID householdId) {
        return count("householdId = ?1 and active = true", householdId);
    }
}
